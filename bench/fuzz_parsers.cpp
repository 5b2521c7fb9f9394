// Fuzz harness for every parser of user input: seeded mutations of valid inputs, each case checked for
// no crash, no exception other than cogo's input/resource errors, a time bound and bounded allocation.
//
//   fuzz_parsers [--cases N] [--seed S] [--target all|T1,T2,... with T in expr,group,numbers,npy,npz,element,cert]
//                [--timeout SECONDS] [--memory MIB] [--failures DIR] [--deadline SECONDS]
//
// The cases run in a child process; when a case crashes, hangs (SIGALRM after --timeout seconds), exceeds
// the memory cap (RLIMIT_AS of --memory MiB without AddressSanitizer; ASan's own allocation limits with it)
// or throws anything but cogo::InvalidInput / cogo::ResourceLimit, the parent records it and restarts the
// child after that case. A case is a pure function of (target, seed, index), so a failure is reproduced by
// its index alone; with --failures DIR each failing input is written to DIR/TARGET-INDEX.bin. --deadline
// stops each target after that many seconds and reports the cases run so far.
// Exit status: 0 when no case failed, 1 otherwise, 2 on bad arguments. See bench/README.md.
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zlib.h>

#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <iostream>
#include <map>
#include <new>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "construct/expression.hpp"
#include "construct/global_solutions.hpp"
#include "io/turn_text.hpp"
#include "scalar/turn.hpp"
#include "group/abelian_group.hpp"
#include "io/element_json.hpp"
#include "io/npy.hpp"
#include "io/npz.hpp"
#include "support/error.hpp"
#include "train/sweep.hpp"
#include "verify/certificate_checker.hpp"
#include "verify/certificate_writer.hpp"
#include "verify/verify.hpp"

#if defined(__SANITIZE_ADDRESS__)
// One allocation may not exceed 2 GiB (the largest array the readers accept) and the process not 4 GiB of
// resident memory; either is reported as an error, which makes the case fail.
extern "C" const char* __asan_default_options() { return "max_allocation_size_mb=2304:rss_limit_mb=4096:detect_leaks=0"; }
#endif
extern "C" const char* __ubsan_default_options() { return "halt_on_error=1:print_stacktrace=1"; }

namespace {

using Bytes = std::string;

// ---------- deterministic randomness: a case is a function of (target, seed, index) ----------

struct Rng {
    std::uint64_t state;
    std::uint64_t next() {
        std::uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    std::size_t below(std::size_t n) { return n == 0 ? 0 : static_cast<std::size_t>(next() % n); }
    bool chance(int one_in) { return below(static_cast<std::size_t>(one_in)) == 0; }
};

// ---------- mutations ----------

const std::vector<std::string> kNumbers = {"0", "1", "-1", "2", "7", "255", "256", "65535", "65536", "4294967295",
                                           "4294967296", "9223372036854775807", "9223372036854775808",
                                           "18446744073709551615", "18446744073709551616", "-9223372036854775809",
                                           "1e308", "1e-400", "-0", "0.5", "1/0", "3/0", "00", "0x10", "1e9",
                                           "99999999999999999999999999999999999999"};
const std::vector<std::uint64_t> kLengths = {0, 1, 0x7f, 0x80, 0xff, 0x100, 0x7fff, 0xffff, 0x10000, 0x7fffffff,
                                             0xffffffff, 0x100000000ULL, 0x400000000ULL, 0x7fffffffffffffffULL,
                                             0xffffffffffffffffULL};

void write_le(Bytes& b, std::size_t at, std::uint64_t v, int width) {
    for (int i = 0; i < width && at + static_cast<std::size_t>(i) < b.size(); ++i)
        b[at + static_cast<std::size_t>(i)] = static_cast<char>((v >> (8 * i)) & 0xff);
}

/// Offsets of interesting fixed-width fields of a binary format (length fields), for length lies.
using FieldFinder = std::function<std::vector<std::size_t>(const Bytes&)>;

struct Mutator {
    std::vector<Bytes> seeds;
    std::string open = "(", close = ")";  // nesting brackets of the format
    FieldFinder fields;                   // binary formats: where length fields are
    std::size_t max_size = std::size_t{1} << 20;

    Bytes make(Rng& rng) const {
        Bytes b = seeds[rng.below(seeds.size())];
        const std::size_t rounds = 1 + rng.below(rng.chance(4) ? 12 : 3);
        for (std::size_t r = 0; r < rounds && b.size() <= max_size; ++r) mutate(b, rng);
        return b;
    }

    void mutate(Bytes& b, Rng& rng) const {
        switch (rng.below(9)) {
            case 0:  // bit flips
                for (std::size_t k = 1 + rng.below(4); k-- > 0 && !b.empty();) b[rng.below(b.size())] ^= static_cast<char>(1 << rng.below(8));
                break;
            case 1: {  // insert bytes (random, or a copy of a neighbour)
                const std::size_t at = rng.below(b.size() + 1), n = 1 + rng.below(rng.chance(8) ? 300 : 4);
                Bytes ins;
                for (std::size_t i = 0; i < n; ++i)
                    ins += rng.chance(2) && !b.empty() ? b[rng.below(b.size())] : static_cast<char>(rng.next());
                b.insert(at, ins);
                break;
            }
            case 2: {  // delete a range
                if (b.empty()) break;
                const std::size_t at = rng.below(b.size());
                b.erase(at, 1 + rng.below(rng.chance(4) ? b.size() - at : std::min<std::size_t>(8, b.size() - at)));
                break;
            }
            case 3: {  // splice: a piece of another seed (or of itself) over a range
                const Bytes& other = rng.chance(2) ? b : seeds[rng.below(seeds.size())];
                if (other.empty()) break;
                const std::size_t from = rng.below(other.size()), len = 1 + rng.below(other.size() - from);
                const Bytes piece = other.substr(from, len);
                const std::size_t at = rng.below(b.size() + 1);
                b.replace(at, rng.below(b.size() - at + 1), piece);
                break;
            }
            case 4:
            case 5: {  // numeric field: replace a digit run by an interesting number
                std::vector<std::pair<std::size_t, std::size_t>> runs;
                for (std::size_t i = 0; i < b.size();) {
                    if (b[i] >= '0' && b[i] <= '9') {
                        std::size_t j = i;
                        while (j < b.size() && b[j] >= '0' && b[j] <= '9') ++j;
                        runs.emplace_back(i, j - i);
                        i = j;
                    } else {
                        ++i;
                    }
                }
                if (runs.empty()) break;
                const auto [at, len] = runs[rng.below(runs.size())];
                std::string number = kNumbers[rng.below(kNumbers.size())];
                if (rng.chance(16)) number = std::string(1 + rng.below(5000), static_cast<char>('1' + rng.below(9)));
                b.replace(at, len, number);
                break;
            }
            case 6: {  // length-field lie (binary formats), else a random byte overwrite
                if (fields) {
                    const auto offsets = fields(b);
                    if (!offsets.empty()) {
                        const int width = 1 << (1 + rng.below(3));  // 2, 4, 8
                        std::uint64_t v = kLengths[rng.below(kLengths.size())];
                        if (rng.chance(3)) v = rng.next() >> rng.below(64);
                        write_le(b, offsets[rng.below(offsets.size())], v, width);
                        break;
                    }
                }
                if (!b.empty()) b[rng.below(b.size())] = static_cast<char>(rng.next());
                break;
            }
            case 7: {  // deep nesting around a random range
                const std::size_t depth = std::size_t{1} << (1 + rng.below(17));  // 2 .. 131072
                const std::size_t at = rng.below(b.size() + 1), end = at + rng.below(b.size() - at + 1);
                Bytes opened, closed;
                for (std::size_t i = 0; i < depth; ++i) opened += open, closed += close;
                b.insert(end, rng.chance(4) ? "" : closed);
                b.insert(at, opened);
                break;
            }
            default: {  // duplicate a range (repeated keys, members, terms)
                if (b.empty()) break;
                const std::size_t at = rng.below(b.size()), len = 1 + rng.below(std::min<std::size_t>(b.size() - at, 200));
                const Bytes piece = b.substr(at, len);
                for (std::size_t k = 1 + rng.below(rng.chance(8) ? 1000 : 3); k-- > 0;) b.insert(at, piece);
                break;
            }
        }
        if (b.size() > max_size) b.resize(max_size);
    }
};

// ---------- the targets: seeds and the call under test ----------

struct Target {
    std::string name;
    Mutator mutator;
    std::function<void(const Bytes&, std::size_t index)> run;
};

Bytes npy_file(const std::string& dict, const Bytes& data, int major) {
    const std::size_t prefix = major == 1 ? 10 : 12;
    std::string header = dict;
    header.append((64 - (prefix + header.size() + 1) % 64) % 64, ' ');
    header += '\n';
    Bytes out = Bytes("\x93NUMPY", 6) + static_cast<char>(major) + '\0';
    for (std::size_t i = 0; i < prefix - 8; ++i) out += static_cast<char>((header.size() >> (8 * i)) & 0xff);
    return out + header + data;
}

Bytes float_bytes(std::size_t count, int width) {
    Bytes out;
    for (std::size_t i = 0; i < count; ++i) {
        if (width == 8) {
            const double v = 0.25 * static_cast<double>(i) - 1;
            out.append(reinterpret_cast<const char*>(&v), 8);
        } else {
            const float v = 0.25f * static_cast<float>(i) - 1;
            out.append(reinterpret_cast<const char*>(&v), 4);
        }
    }
    return out;
}

std::vector<Bytes> npy_seeds() {
    cogo::Matrix<double> m(3, 4);
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = 0; j < 4; ++j) m(i, j) = static_cast<double>(i) - 0.5 * static_cast<double>(j);
    return {cogo::npy_bytes(m),
            npy_file("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 3), }", float_bytes(6, 4), 1),
            npy_file("{\"descr\": \"<f8\", \"fortran_order\": False, \"shape\": (5,)}", float_bytes(5, 8), 2),
            npy_file("{'shape': (), 'descr': 'f8', 'fortran_order': False} # 0-d", float_bytes(1, 8), 3),
            npy_file("{'descr': '<f8',\n 'fortran_order': True,\t'shape': (2, 2, 2)}", float_bytes(8, 8), 1)};
}

void le(Bytes& out, std::uint64_t v, int width) {
    for (int i = 0; i < width; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
}

Bytes raw_deflate(const Bytes& in) {
    z_stream s{};
    deflateInit2(&s, 9, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY);
    Bytes out(deflateBound(&s, in.size()), '\0');
    s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
    s.avail_in = static_cast<uInt>(in.size());
    s.next_out = reinterpret_cast<Bytef*>(out.data());
    s.avail_out = static_cast<uInt>(out.size());
    deflate(&s, Z_FINISH);
    out.resize(s.total_out);
    deflateEnd(&s);
    return out;
}

/// A ZIP archive as Python's zipfile writes it for np.savez (zip64 = the ZIP64 extra field and end records
/// NumPy always writes).
Bytes zip(const std::vector<std::pair<std::string, Bytes>>& members, bool deflate, bool zip64) {
    Bytes out, directory;
    for (const auto& [name, content] : members) {
        const Bytes data = deflate ? raw_deflate(content) : content;
        const std::uint64_t crc = crc32_z(0, reinterpret_cast<const Bytef*>(content.data()), content.size());
        Bytes extra;
        if (zip64) {
            le(extra, 1, 2);
            le(extra, 24, 2);
            le(extra, content.size(), 8);
            le(extra, data.size(), 8);
            le(extra, out.size(), 8);
        }
        const std::uint64_t local = out.size();
        le(out, 0x04034b50, 4);
        le(out, 45, 2);
        le(out, 0, 2);
        le(out, deflate ? 8 : 0, 2);
        le(out, 0, 4);
        le(out, crc, 4);
        le(out, data.size(), 4);
        le(out, content.size(), 4);
        le(out, name.size(), 2);
        le(out, 0, 2);
        out += name + data;
        le(directory, 0x02014b50, 4);
        le(directory, 45, 2);
        le(directory, 45, 2);
        le(directory, 0, 2);
        le(directory, deflate ? 8 : 0, 2);
        le(directory, 0, 4);
        le(directory, crc, 4);
        le(directory, zip64 ? 0xFFFFFFFFu : data.size(), 4);
        le(directory, zip64 ? 0xFFFFFFFFu : content.size(), 4);
        le(directory, name.size(), 2);
        le(directory, extra.size(), 2);
        le(directory, 0, 2);
        le(directory, 0, 2);
        le(directory, 0, 2);
        le(directory, 0, 4);
        le(directory, zip64 ? 0xFFFFFFFFu : local, 4);
        directory += name + extra;
    }
    const std::uint64_t cd_offset = out.size();
    out += directory;
    if (zip64) {
        const std::uint64_t z64 = out.size();
        le(out, 0x06064b50, 4);
        le(out, 44, 8);
        le(out, 45, 2);
        le(out, 45, 2);
        le(out, 0, 4);
        le(out, 0, 4);
        le(out, members.size(), 8);
        le(out, members.size(), 8);
        le(out, directory.size(), 8);
        le(out, cd_offset, 8);
        le(out, 0x07064b50, 4);
        le(out, 0, 4);
        le(out, z64, 8);
        le(out, 1, 4);
    }
    le(out, 0x06054b50, 4);
    le(out, 0, 4);
    le(out, zip64 ? 0xFFFF : members.size(), 2);
    le(out, zip64 ? 0xFFFF : members.size(), 2);
    le(out, zip64 ? 0xFFFFFFFFu : directory.size(), 4);
    le(out, zip64 ? 0xFFFFFFFFu : cd_offset, 4);
    le(out, 0, 2);
    return out;
}

std::vector<std::size_t> zip_fields(const Bytes& b) {
    std::vector<std::size_t> out;
    for (std::size_t at = 0; at + 4 <= b.size(); ++at) {
        if (b[at] != 'P' || b[at + 1] != 'K') continue;
        const auto sig = static_cast<unsigned char>(b[at + 2]);
        if (sig == 1 || sig == 3 || sig == 5 || sig == 6 || sig == 7)
            for (std::size_t off : {4, 8, 10, 16, 20, 24, 26, 28, 30, 32, 40, 42, 44, 48})
                if (at + off < b.size()) out.push_back(at + off);
    }
    for (std::size_t at = 0; at + 6 <= b.size(); ++at)  // member .npy header length fields (stored members)
        if (b.compare(at, 6, "\x93NUMPY") == 0) out.push_back(at + 8);
    return out;
}

std::vector<Bytes> npz_seeds() {
    const auto arrays = npy_seeds();
    std::vector<Bytes> out;
    for (bool deflate : {false, true})
        for (bool zip64 : {false, true}) out.push_back(zip({{"Wa.npy", arrays[0]}, {"Wb.npy", arrays[1]}, {"V.npy", arrays[2]}}, deflate, zip64));
    return out;
}

std::vector<Bytes> element_seeds() {
    const cogo::AbelianGroup g5 = cogo::AbelianGroup::cyclic(5), g23 = cogo::AbelianGroup::parse("2x3");
    const auto nus = cogo::turn_values<cogo::Cyclotomic>(cogo::parse_turns("1/3"));
    std::vector<Bytes> out;
    out.push_back(cogo::element_file_text(cogo::f6(g5, nus), "F6 on Z_5", nlohmann::json::object()));
    out.push_back(cogo::element_file_text(cogo::evaluate_expression(g23, "(nui * synab(0, 1/4))@1 / 4"), "x", {{"k", 1}}));
    return out;
}

std::vector<Bytes> certificate_seeds() {
    std::vector<Bytes> out;
    for (unsigned long d : {3UL, 5UL}) {
        const cogo::AbelianGroup g = cogo::AbelianGroup::cyclic(d);
        const auto z = cogo::f6(g, cogo::turn_values<cogo::Cyclotomic>(cogo::parse_turns("1/3")));
        out.push_back(cogo::certificate_text(z, cogo::verify_global_optimum(z), "F6"));
        const auto w = cogo::evaluate_expression(g, "sum(nu(1/4) * syn) / 6");  // not optimal: REFUTED
        out.push_back(cogo::certificate_text(w, cogo::verify_global_optimum(w), "nu=i"));
    }
    return out;
}

std::vector<Target> make_targets() {
    std::vector<Target> t;
    {
        Mutator m;
        m.seeds = {"sum(nu(1/3)*syn)/6", "sum(nui * synab(0, 1/4)) / 6", "(nui * xi(1/8, -1))@2 / 4 + sum(nu(1/4) * syn)/6",
                   "u(1/3, 1/5, 0)@1 + conj(u(1/3,1/5,0))@1", "2*sum(one)/12", "sum(xi(1/3) * syn)/6 + syn@3",
                   "cancel(sum(nui * xi(1/8), except 1) / 4, (nu(1/3) * syn)@1 / 6)", "debias(sum(nui*xi(1/8))/4, 0)",
                   "pairsum(syn, except 2)/3 + realsum(real1(2, -1)) + real2(3/2)@1"};
        m.max_size = 1 << 16;
        t.push_back({"expr", m, [](const Bytes& b, std::size_t) {
                         static const cogo::AbelianGroup g = cogo::AbelianGroup::cyclic(7);
                         (void)cogo::evaluate_expression(g, b);
                     }});
    }
    {
        Mutator m;
        m.seeds = {"23", "2x3x4", "5", "3x3", "4194303", "2x2x2x2x2x2"};
        m.open = "x";
        m.close = "";
        m.max_size = 4096;
        t.push_back({"group", m, [](const Bytes& b, std::size_t) { (void)cogo::AbelianGroup::parse(b); }});
    }
    {
        Mutator m;
        m.seeds = {"1/4,3/8", "0", "-1/3, 1/12", "1-5", "1,3,7-9", "0/4", "3/8"};
        m.open = "-";
        m.close = ",";
        m.max_size = 1 << 16;
        t.push_back({"numbers", m, [](const Bytes& b, std::size_t index) {
                         switch (index % 3) {
                             case 0: (void)cogo::parse_turns(b); break;
                             case 1: (void)cogo::train::parse_seed_list(b); break;
                             default: (void)cogo::train::parse_shard(b); break;
                         }
                     }});
    }
    {
        Mutator m;
        m.seeds = npy_seeds();
        m.fields = [](const Bytes& b) { return b.size() >= 12 ? std::vector<std::size_t>{6, 8} : std::vector<std::size_t>{}; };
        t.push_back({"npy", m, [](const Bytes& b, std::size_t) { (void)cogo::parse_npy(b, "fuzz.npy"); }});
    }
    {
        Mutator m;
        m.seeds = npz_seeds();
        m.fields = zip_fields;
        t.push_back({"npz", m, [](const Bytes& b, std::size_t) { (void)cogo::parse_npz(b, "fuzz.npz"); }});
    }
    {
        Mutator m;
        m.seeds = element_seeds();
        m.open = "[";
        m.close = "]";
        t.push_back({"element", m, [](const Bytes& b, std::size_t) { (void)cogo::parse_element_document(b, "fuzz.json"); }});
    }
    {
        Mutator m;
        m.seeds = certificate_seeds();
        m.open = "[";
        m.close = "]";
        t.push_back({"cert", m, [](const Bytes& b, std::size_t) { (void)cogo::check_certificate(b); }});
    }
    return t;
}

Rng case_rng(const std::string& target, std::uint64_t seed, std::uint64_t index) {
    std::uint64_t h = 1469598103934665603ULL;
    for (char c : target) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    Rng rng{h ^ (seed * 0xD1B54A32D192ED03ULL)};
    rng.state ^= Rng{index * 0x9E3779B97F4A7C15ULL + seed}.next();
    return rng;
}

// ---------- the child: runs cases, reports the current index through shared memory ----------

struct Shared {
    volatile std::uint64_t current;
    volatile std::uint64_t slow_cases;  // cases over a tenth of the time bound (reported, not failures)
    volatile std::uint64_t accepted;    // cases the parser accepted (no exception): how deep mutations reach
    char message[512];
};

constexpr int kExitBadException = 10;

[[noreturn]] void run_child(const Target& target, std::uint64_t seed, std::uint64_t from, std::uint64_t to,
                            unsigned timeout, std::uint64_t memory_mib, Shared* shared,
                            std::chrono::steady_clock::time_point deadline) {
#if !defined(__SANITIZE_ADDRESS__)
    rlimit cap{memory_mib << 20, memory_mib << 20};
    setrlimit(RLIMIT_AS, &cap);
#else
    (void)memory_mib;
#endif
    for (std::uint64_t i = from; i < to; ++i) {
        shared->current = i;
        if (std::chrono::steady_clock::now() > deadline) _exit(0);  // --deadline: stop here, report i cases
        Rng rng = case_rng(target.name, seed, i);
        const Bytes input = target.mutator.make(rng);
        const auto start = std::chrono::steady_clock::now();
        alarm(timeout);
        try {
            target.run(input, static_cast<std::size_t>(i));
            shared->accepted = shared->accepted + 1;
        } catch (const cogo::InvalidInput&) {
        } catch (const cogo::ResourceLimit&) {
        } catch (const std::bad_alloc&) {
            std::snprintf(shared->message, sizeof shared->message, "std::bad_alloc (allocation beyond the memory cap)");
            _exit(kExitBadException);
        } catch (const std::exception& e) {
            std::snprintf(shared->message, sizeof shared->message, "uncaught exception: %s", e.what());
            _exit(kExitBadException);
        } catch (...) {
            std::snprintf(shared->message, sizeof shared->message, "uncaught non-standard exception");
            _exit(kExitBadException);
        }
        alarm(0);
        if (std::chrono::steady_clock::now() - start > std::chrono::milliseconds(100 * timeout)) shared->slow_cases = shared->slow_cases + 1;
    }
    shared->current = to;
    _exit(0);
}

/// A failure's class, for counting distinct ones: the signal or the exception text without digits.
std::string failure_class(int status, const Shared* shared) {
    if (WIFSIGNALED(status)) {
        const int sig = WTERMSIG(status);
        return sig == SIGALRM ? std::string("timeout") : std::string("signal ") + strsignal(sig);
    }
    if (WEXITSTATUS(status) == kExitBadException) {
        std::string m(shared->message);
        std::string out;
        for (char c : m.substr(0, 120))
            if (c < '0' || c > '9') out += c;
        return out;
    }
    return "exit status " + std::to_string(WEXITSTATUS(status)) + " (sanitizer report on stderr)";
}

struct Outcome {
    std::uint64_t cases = 0, failures = 0, slow = 0, accepted = 0;
    std::map<std::string, std::vector<std::uint64_t>> classes;
    double seconds = 0;
};

Outcome fuzz(const Target& target, std::uint64_t cases, std::uint64_t seed, unsigned timeout, std::uint64_t memory_mib,
             const std::string& failures_dir, double deadline_seconds) {
    auto* shared = static_cast<Shared*>(mmap(nullptr, sizeof(Shared), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0));
    if (shared == MAP_FAILED) throw std::runtime_error("mmap failed");
    Outcome out;
    const auto start = std::chrono::steady_clock::now();
    const auto deadline = start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                                      std::chrono::duration<double>(deadline_seconds));
    std::uint64_t from = 0;
    while (from < cases) {
        shared->current = from;
        shared->message[0] = '\0';
        std::cout.flush();
        const pid_t pid = fork();
        if (pid < 0) throw std::runtime_error("fork failed");
        if (pid == 0) run_child(target, seed, from, cases, timeout, memory_mib, shared, deadline);
        int status = 0;
        waitpid(pid, &status, 0);
        if (WIFEXITED(status) && WEXITSTATUS(status) == 0) break;
        const std::uint64_t bad = shared->current;
        const std::string cls = failure_class(status, shared);
        ++out.failures;
        out.classes[cls].push_back(bad);
        std::cerr << "fuzz_parsers: target " << target.name << " case " << bad << " (seed " << seed << "): " << cls << "\n";
        if (!failures_dir.empty()) {
            Rng rng = case_rng(target.name, seed, bad);
            std::ofstream(failures_dir + "/" + target.name + "-" + std::to_string(bad) + ".bin", std::ios::binary)
                << target.mutator.make(rng);
        }
        from = bad + 1;
    }
    out.cases = std::min<std::uint64_t>(cases, static_cast<std::uint64_t>(shared->current));
    out.slow = shared->slow_cases;
    out.accepted = shared->accepted;
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    munmap(shared, sizeof(Shared));
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    std::uint64_t cases = 1000, seed = 1, memory_mib = 4096;
    unsigned timeout = 10;
    std::string which = "all", failures_dir;
    double deadline = 1e9;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::cerr << "fuzz_parsers: " << a << " needs a value\n";
                std::exit(2);
            }
            return argv[++i];
        };
        try {
            if (a == "--cases") cases = std::stoull(value());
            else if (a == "--seed") seed = std::stoull(value());
            else if (a == "--target") which = value();
            else if (a == "--timeout") timeout = static_cast<unsigned>(std::stoul(value()));
            else if (a == "--memory") memory_mib = std::stoull(value());
            else if (a == "--failures") failures_dir = value();
            else if (a == "--deadline") deadline = std::stod(value());
            else {
                std::cerr << "usage: fuzz_parsers [--cases N] [--seed S] [--target expr|group|numbers|npy|npz|element|cert|all] "
                             "[--timeout SECONDS] [--memory MIB] [--failures DIR] [--deadline SECONDS]\n";
                return 2;
            }
        } catch (const std::exception&) {
            std::cerr << "fuzz_parsers: bad value for " << a << "\n";
            return 2;
        }
    }
    if (timeout == 0) timeout = 1;
    const std::vector<Target> targets = make_targets();
    bool any = false, failed = false;
    for (const Target& t : targets) {
        if (which != "all" && ("," + which + ",").find("," + t.name + ",") == std::string::npos) continue;
        any = true;
        const Outcome o = fuzz(t, cases, seed, timeout, memory_mib, failures_dir, deadline);
        std::cout << "target " << t.name << ": " << o.cases << " cases (" << o.accepted << " accepted), " << o.failures << " failures (" << o.classes.size()
                  << " distinct), " << o.slow << " over " << 100 * timeout << " ms, " << o.seconds << " s\n";
        for (const auto& [cls, indices] : o.classes) {
            std::cout << "  " << cls << ": " << indices.size() << " cases, first " << indices.front() << "\n";
        }
        failed |= o.failures > 0;
    }
    if (!any) {
        std::cerr << "fuzz_parsers: unknown target '" << which << "'\n";
        return 2;
    }
    return failed ? 1 : 0;
}
