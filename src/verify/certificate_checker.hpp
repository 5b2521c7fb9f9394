#pragma once
/// \file certificate_checker.hpp
/// Independent re-verification of a cogo certificate (src/verify/certificate_format.md, version 1).
///
/// The checker shares no arithmetic with the verifier that wrote the certificate: it does not use
/// cogo::Cyclotomic, src/algebra or src/scalar. It reads the JSON itself, does its own mixed-radix group
/// arithmetic, and decides every claimed equality X = Y in Q(zeta_N) exactly by multi-modular evaluation:
///
/// * every decided equality X = Y is one of four kinds, each with an exact integer D such that
///   eta = D (X - Y) lies in Z[zeta_N], and an exact integer S >= |sigma(X - Y)| for every complex
///   embedding sigma (from coefficient 1-norms |x| = sum |c_i|, rounded up to integers), where L is the lcm of
///   the denominators of all node entries and Lv that of all condition values:
///     value T_k(k1,k2) = V: D = 2 L^3 Lv,
///                           S = max_k sum_{j: z_c[k,j] stored} |z_c[k,j]| (|a_j| + |b_j|)^2 + max |V|
///                           (|a_j| = sum of the 1-norms of node j's a-row; (|a_j| + |b_j|)^2 bounds the
///                           r-term plus both halved self-convolutions);
///     target V = t:         D = Lv,  S = max|V| + 1;
///     counterexample X = V: D = lcm(den X, Lv),  S = |X| + max|V|;
///     loss n l = sum (V - t) conj(V - t): D = den(l) Lv^2,  S = n |l| + sum (|V| + t)^2;
/// * a non-zero eta in Z[zeta_N] has a non-zero integer norm with |N(eta)| <= B^phi(N), B = D S; each prime
///   p = 1 mod N with p not dividing any denominator and a primitive N-th root r mod p gives a ring map
///   Z[zeta_N] -> F_p (zeta_N -> r) whose kernel is a prime ideal of norm p (conj(x) maps to x evaluated
///   at r^{-1}). The checker uses m = ceil(phi(N) * max(bits(D) + bits(S)) / 61) distinct primes
///   2^61 < p < 2^62 (so prod p > B^phi(N) for all four kinds): eta vanishing modulo all of them proves
///   eta = 0, and eta not vanishing modulo one of them proves eta != 0. Every equality and every inequality the checker relies on is decided this way.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "verify/verdict.hpp"

namespace cogo {

/// The outcome of re-checking one certificate (CheckOutcome, verify/verdict.hpp):
/// * status: accepted iff every claim of the certificate was established (format, completeness of the
///   condition list, values, targets, verdict with its counterexample, loss; format.md "What a checker
///   must establish" items 1-5); rejected at the first claim that fails; limit when the check would exceed
///   the checker's bounds (field N > 2^32, more than 10^5 primes, more than CertificateLimits::max_work).
/// * certified: when accepted, the verdict established (PROVED: proved, REFUTED: refuted, PARTIAL: unknown).
/// * reason: empty when accepted; otherwise the first problem found, naming the offending condition,
///   e.g. "condition (k=3, k1=0, k2=0): claimed value differs from T_k(k1,k2)", or the limit met.
/// * verdict: the certificate's own verdict string ("PROVED" / "REFUTED" / "PARTIAL"), empty if absent or malformed.
///   It is established only when accepted.
/// * conditions: number of listed conditions (0 if the list could not be read).
/// * primes: number of primes the arithmetic used (0 if the check stopped before any arithmetic).
/// * group: the cyclic factors of the certificate's group (empty if they could not be read).
/// * statement: the certificate's own "statement" text (empty if absent); what was checked is always the
///   format's statement, l(z) = 0 or its refutation, for the element given.
struct CertificateCheck : CheckOutcome {
    std::string verdict;
    std::size_t conditions = 0;
    std::size_t primes = 0;
    std::vector<std::uint64_t> group;
    std::string statement;
    /// PARTIAL certificates: the output frequencies k at which every condition T_k(k1, k2) = t_k(k1, k2) was
    /// established (so the loss term l_k is exactly 0 there); the element is no global optimum (its
    /// counterexample, at another frequency, was established to fail). Empty otherwise.
    std::vector<std::uint64_t> proven;
};

/// Bounds of the checker, enforced before the arithmetic they bound.
struct CertificateLimits {
    /// Longest numerator or denominator of a coefficient, in decimal digits (beyond: rejected, the number
    /// of primes grows with the size of the numbers).
    std::size_t max_digits = 10'000;
    /// Largest work of the modular checks: primes x word operations per prime (every coefficient and
    /// denominator reduced limb by limb, the self-convolutions, the outputs per condition); beyond:
    /// cogo::ResourceLimit. The default is a few seconds of work.
    std::uint64_t max_work = 2'000'000'000;
};

/// Re-verifies a certificate given as JSON text; trusts nothing in it.
/// Throws cogo::InvalidInput if json_text is not JSON at all. Valid JSON that violates the format or whose
/// claims are false yields status rejected with a precise reason (also for a number beyond
/// limits.max_digits); status limit if the exact check would need an unreasonable amount of work (field
/// N > 2^32, more than 10^5 primes, more than limits.max_work operations).
[[nodiscard]] CertificateCheck check_certificate(const std::string& json_text, const CertificateLimits& limits = {});

/// Reads the file at path and calls check_certificate on its contents.
/// Throws cogo::InvalidInput if the file cannot be read (the message names the file and the errno reason;
/// a directory is named as such), contains a NUL byte or is not JSON; cogo::ResourceLimit if it is larger
/// than kMaxJsonInputBytes (256 MiB, io/bounded_read.hpp), which is read no further.
CertificateCheck check_certificate_file(const std::string& path);

/// The index-th (0-based) prime of the sequence the checker draws its primes from for field N: the primes
/// p = 1 mod N with p > 2^61, in increasing order (a prime dividing a denominator of the certificate is
/// skipped at check time). Exposed so that tests can build numbers that agree modulo one of them.
/// Throws cogo::InvalidInput if N == 0, cogo::ResourceLimit if N > 2^32.
std::uint64_t certificate_checker_prime(std::uint64_t field, std::size_t index);

}  // namespace cogo
