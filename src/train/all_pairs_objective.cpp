#include "train/all_pairs_objective.hpp"

#include <algorithm>
#include <set>
#include <string>

#include "support/error.hpp"
#include "train/blas.hpp"
#include "train/kernels.hpp"

namespace cogo::train {

namespace {

constexpr std::size_t kCorrelationColumns = 64;  // columns per correlation task

/// add[x n + y] = x + y, and after it diff[m n + x] = m - x.
std::vector<std::uint32_t> addition_tables(const AbelianGroup& g) {
    const std::size_t n = g.order();
    std::vector<std::uint32_t> tables(2 * n * n);
    for (std::size_t x = 0; x < n; ++x)
        for (std::size_t y = 0; y < n; ++y) {
            const std::size_t m = g.add(x, y);
            tables[x * n + y] = static_cast<std::uint32_t>(m);
            tables[n * n + m * n + x] = static_cast<std::uint32_t>(y);
        }
    return tables;
}

std::vector<Pair> checked_held_out(const AbelianGroup& g, std::size_t q, std::vector<Pair> held_out) {
    const std::size_t n = g.order();
    if (q == 0) throw InvalidInput("all-pairs objective: width must be at least 1");
    std::set<std::pair<std::uint32_t, std::uint32_t>> seen;
    for (const Pair& p : held_out) {
        if (p.x >= n || p.y >= n || p.target != g.add(p.x, p.y))
            throw InvalidInput("all-pairs objective: held-out sample (" + std::to_string(p.x) + ", " +
                               std::to_string(p.y) + ") -> " + std::to_string(p.target) + " is not a pair of " +
                               g.name());
        if (!seen.insert({p.x, p.y}).second)
            throw InvalidInput("all-pairs objective: the pair (" + std::to_string(p.x) + ", " + std::to_string(p.y) +
                               ") is held out twice");
    }
    if (held_out.size() >= n * n) throw InvalidInput("all-pairs objective: every pair is held out");
    return held_out;
}

}  // namespace

template <class T>
AllPairsObjective<T>::AllPairsObjective(const AbelianGroup& group, std::size_t q, std::vector<Pair> held_out)
    : n_(group.order()),
      q_(q),
      add_(addition_tables(group)),
      held_out_size_(held_out.size()),
      held_out_(group.order(), q, checked_held_out(group, q, std::move(held_out)), LossKind::mse,
                Activation::quadratic),
      held_out_gradient_(group.order(), q) {
    const std::size_t nq = n_ * q_, qq = q_ * q_, nn = n_ * n_;
    for (auto* w : {&a_, &b_, &a2_, &b2_, &u_, &k_, &ka_, &kb_, &ad_, &bd_, &pa_, &pb_, &z1a_, &z2a_, &z1b_, &z2b_,
                    &z3a_, &z3b_, &uh_, &ya2_, &yb2_})
        w->resize(nq);
    for (auto* w : {&sa2_, &ta_, &sb2_, &tb_, &ya_, &yb_}) w->resize(nn);
    for (auto* w : {&gaa_, &gbb_, &m_, &h_, &mga_, &mgb_}) w->resize(qq);
}

template <class T>
void AllPairsObjective<T>::compute_sums(const Network<T>& net, ThreadPool& pool, AllPairsSums& out) {
    if (net.n != n_ || net.q != q_)
        throw ShapeMismatch("all-pairs objective: network of shape n = " + std::to_string(net.n) + ", q = " +
                            std::to_string(net.q) + " for n = " + std::to_string(n_) + ", q = " + std::to_string(q_));
    use_single_threaded_blas();
    const std::size_t n = n_, q = q_, nq = n * q;
    const double nd = static_cast<double>(n);
    // A, B, U = P V, A2, B2 in float64 (exact conversions), column sums, A D_sb and B D_sa.
    std::vector<double> sa(q, 0.0), sb(q, 0.0), sa2(q, 0.0), sb2(q, 0.0), vmean(q, 0.0);
    for (std::size_t i = 0; i < nq; ++i) {
        a_[i] = static_cast<double>(net.wa_t()[i]);
        b_[i] = static_cast<double>(net.wb_t()[i]);
        u_[i] = static_cast<double>(net.v()[i]);
        a2_[i] = a_[i] * a_[i];
        b2_[i] = b_[i] * b_[i];
    }
    for (std::size_t x = 0; x < n; ++x)
        for (std::size_t j = 0; j < q; ++j) {
            sa[j] += a_[x * q + j];
            sb[j] += b_[x * q + j];
            sa2[j] += a2_[x * q + j];
            sb2[j] += b2_[x * q + j];
            vmean[j] += u_[x * q + j];
        }
    for (std::size_t j = 0; j < q; ++j) vmean[j] /= nd;
    for (std::size_t m = 0; m < n; ++m)
        for (std::size_t j = 0; j < q; ++j) {
            u_[m * q + j] -= vmean[j];
            ad_[m * q + j] = a_[m * q + j] * sb[j];
            bd_[m * q + j] = b_[m * q + j] * sa[j];
        }

    // Phase 1, independent tasks: Gaa = A^T A, Gbb = B^T B, M = U^T U (q x q); the n x n products
    // S_a2 = U A2^T, T_a = U (A D_sb)^T, S_b2 = U B2^T, T_b = U (B D_sa)^T; and the group correlations
    // K[m] = sum_x A[x] B[m - x], K_A[x] = sum_y B[y] U[x + y], K_B[y] = sum_x A[x] U[y + x].
    const std::size_t chunks = (q + kCorrelationColumns - 1) / kCorrelationColumns;
    const Kernels<double>& kernel = kernels<double>();
    pool.run(7 + chunks, [&](std::size_t task) {
        switch (task) {
            case 0: gram(q, n, a_.data(), q, gaa_.data(), q); return;
            case 1: gram(q, n, b_.data(), q, gbb_.data(), q); return;
            case 2: gram(q, n, u_.data(), q, m_.data(), q); return;
            case 3: gemm(false, true, n, n, q, 1.0, u_.data(), q, a2_.data(), q, 0.0, sa2_.data(), n); return;
            case 4: gemm(false, true, n, n, q, 1.0, u_.data(), q, ad_.data(), q, 0.0, ta_.data(), n); return;
            case 5: gemm(false, true, n, n, q, 1.0, u_.data(), q, b2_.data(), q, 0.0, sb2_.data(), n); return;
            case 6: gemm(false, true, n, n, q, 1.0, u_.data(), q, bd_.data(), q, 0.0, tb_.data(), n); return;
            default: {
                const std::size_t j0 = (task - 7) * kCorrelationColumns, j1 = std::min(q, j0 + kCorrelationColumns);
                const std::uint32_t* add = add_.data();
                const std::uint32_t* diff = add + n * n;
                kernel.gathered_row_products(n, q, j0, j1, diff, a_.data(), b_.data(), k_.data());
                kernel.gathered_row_products(n, q, j0, j1, add, b_.data(), u_.data(), ka_.data());
                kernel.gathered_row_products(n, q, j0, j1, add, a_.data(), u_.data(), kb_.data());
            }
        }
    });

    // Phase 2: H = Gaa o Gbb, M o Gbb, M o Gaa; Y_a = n S_a2 + 2 T_a, Y_b = n S_b2 + 2 T_b.
    for (std::size_t i = 0; i < q * q; ++i) {
        h_[i] = gaa_[i] * gbb_[i];
        mga_[i] = m_[i] * gbb_[i];
        mgb_[i] = m_[i] * gaa_[i];
    }
    for (std::size_t i = 0; i < n * n; ++i) {
        ya_[i] = nd * sa2_[i] + 2.0 * ta_[i];
        yb_[i] = nd * sb2_[i] + 2.0 * tb_[i];
    }

    // Phase 3, independent tasks: P_a = S_a2 A, P_b = S_b2 B; A2 M = S_a2^T U, (A D_sb) M = T_a^T U and the
    // same for B; A (M o Gbb), B (M o Gaa), U H, Y_a A2, Y_b B2.
    pool.run(11, [&](std::size_t task) {
        switch (task) {
            case 0: gemm(false, false, n, q, n, 1.0, sa2_.data(), n, a_.data(), q, 0.0, pa_.data(), q); return;
            case 1: gemm(false, false, n, q, n, 1.0, sb2_.data(), n, b_.data(), q, 0.0, pb_.data(), q); return;
            case 2: gemm(true, false, n, q, n, 1.0, sa2_.data(), n, u_.data(), q, 0.0, z1a_.data(), q); return;
            case 3: gemm(true, false, n, q, n, 1.0, ta_.data(), n, u_.data(), q, 0.0, z2a_.data(), q); return;
            case 4: gemm(true, false, n, q, n, 1.0, sb2_.data(), n, u_.data(), q, 0.0, z1b_.data(), q); return;
            case 5: gemm(true, false, n, q, n, 1.0, tb_.data(), n, u_.data(), q, 0.0, z2b_.data(), q); return;
            case 6: gemm(false, false, n, q, q, 1.0, a_.data(), q, mga_.data(), q, 0.0, z3a_.data(), q); return;
            case 7: gemm(false, false, n, q, q, 1.0, b_.data(), q, mgb_.data(), q, 0.0, z3b_.data(), q); return;
            case 8: gemm(false, false, n, q, q, 1.0, u_.data(), q, h_.data(), q, 0.0, uh_.data(), q); return;
            case 9: gemm(false, false, n, q, n, 1.0, ya_.data(), n, a2_.data(), q, 0.0, ya2_.data(), q); return;
            default: gemm(false, false, n, q, n, 1.0, yb_.data(), n, b2_.data(), q, 0.0, yb2_.data(), q); return;
        }
    });

    // Phase 4: U G (into uh_), the loss and the gradient sums. With u_s = U s:
    //   U G = Y_a A2 + Y_b B2 + 2 P_a D_sb + 2 P_b D_sa + (U sa2) sb2^T + (U sb2) sa2^T + 4 U H,
    //   M sb2 = U^T (U sb2), c_a = colsum(U o P_b), c_b = colsum(U o P_a).
    std::vector<double> u_sa2(n, 0.0), u_sb2(n, 0.0), msa2(q, 0.0), msb2(q, 0.0), ca(q, 0.0), cb(q, 0.0), kmean(q, 0.0);
    for (std::size_t m = 0; m < n; ++m)
        for (std::size_t j = 0; j < q; ++j) {
            u_sa2[m] += u_[m * q + j] * sa2[j];
            u_sb2[m] += u_[m * q + j] * sb2[j];
        }
    double ug_u = 0, uk = 0;
    for (std::size_t m = 0; m < n; ++m)
        for (std::size_t j = 0; j < q; ++j) {
            const std::size_t i = m * q + j;
            const double um = u_[i];
            uh_[i] = ya2_[i] + yb2_[i] + 2.0 * pa_[i] * sb[j] + 2.0 * pb_[i] * sa[j] + u_sa2[m] * sb2[j] +
                     u_sb2[m] * sa2[j] + 4.0 * uh_[i];
            ug_u += um * uh_[i];
            uk += um * k_[i];
            msa2[j] += um * u_sa2[m];
            msb2[j] += um * u_sb2[m];
            ca[j] += um * pb_[i];
            cb[j] += um * pa_[i];
            kmean[j] += k_[i];
        }
    for (std::size_t j = 0; j < q; ++j) kmean[j] /= nd;
    out.loss = ug_u - 4.0 * uk + nd * (nd - 1.0);
    out.gradient.resize(3 * nq);
    double* ga = out.gradient.data();
    double* gb = ga + nq;
    double* gv = gb + nq;
    for (std::size_t x = 0; x < n; ++x)
        for (std::size_t j = 0; j < q; ++j) {
            const std::size_t i = x * q + j;
            const double ra = a_[i] * (nd * z1a_[i] + 2.0 * z2a_[i] + msb2[j]) + sb[j] * z1a_[i] + 2.0 * z3a_[i] + ca[j];
            const double rb = b_[i] * (nd * z1b_[i] + 2.0 * z2b_[i] + msa2[j]) + sa[j] * z1b_[i] + 2.0 * z3b_[i] + cb[j];
            ga[i] = 4.0 * ra - 4.0 * ka_[i];
            gb[i] = 4.0 * rb - 4.0 * kb_[i];
            gv[i] = 2.0 * uh_[i] - 4.0 * (k_[i] - kmean[j]);
        }
}

template <class T>
AllPairsSums AllPairsObjective<T>::all_pairs(const Network<T>& net, ThreadPool& pool) {
    AllPairsSums sums;
    compute_sums(net, pool, sums);
    return sums;
}

template <class T>
Evaluation AllPairsObjective<T>::loss_and_gradient(const Network<T>& net, Network<T>& gradient, ThreadPool& pool) {
    compute_sums(net, pool, sums_);
    const double held = static_cast<double>(held_out_size_);
    const double train = static_cast<double>(train_size());
    double held_loss_sum = 0;
    if (held_out_size_ > 0) {
        const Evaluation e = held_out_.evaluate(net, held_out_gradient_, pool);
        held_loss_sum = e.loss * held;
    }
    if (gradient.n != n_ || gradient.q != q_) gradient = Network<T>(n_, q_);
    const std::size_t total = 3 * n_ * q_;
    const double inv_train = 1.0 / train;
    T* out = gradient.params.data();
    if (held_out_size_ > 0) {
        const T* g = held_out_gradient_.params.data();
        for (std::size_t i = 0; i < total; ++i)
            out[i] = static_cast<T>((sums_.gradient[i] - held * static_cast<double>(g[i])) * inv_train);
    } else {
        for (std::size_t i = 0; i < total; ++i) out[i] = static_cast<T>(sums_.gradient[i] * inv_train);
    }
    Evaluation result;
    result.count = train_size();
    result.loss = (sums_.loss - held_loss_sum) * inv_train;
    return result;
}

template class AllPairsObjective<float>;
template class AllPairsObjective<double>;

}  // namespace cogo::train
