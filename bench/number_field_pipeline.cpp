// The number-field path of exact rounding, timed phase by phase (bench/README.md, "Number fields"):
// from a float z_nu start perturbed by 1e-6, refine (Gauss-Newton in Arb), recognise nu (LLL), build
// K = Q(zeta_3, nu) (common_field), then construct and verify z_F6 over K; the baseline is the same
// z_F6 verified over Cyclotomic with a cyclotomic nu (1/3 turn) in the same run.
// Usage: number_field_pipeline [--repeat R] [--d D]
#include <algorithm>
#include <cmath>
#include <complex>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "analyze/algebraic_recognition.hpp"
#include "construct/global_solutions.hpp"
#include "verify/verify.hpp"

namespace {

double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) * 1e-6;
}

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
    int repeat = 11;
    unsigned long d = 23;
    for (int i = 1; i + 1 < argc; i += 2) {
        if (std::strcmp(argv[i], "--repeat") == 0) repeat = std::max(1, std::atoi(argv[i + 1]));
        if (std::strcmp(argv[i], "--d") == 0) d = static_cast<unsigned long>(std::max(3, std::atoi(argv[i + 1])));
    }
    using cogo::NumberFieldScalar;
    const std::complex<double> start = std::complex<double>(1.0 / 3, 2 * std::sqrt(2.0) / 3) + std::complex<double>(1e-6, -1e-6);
    const std::vector<cogo::RealPolynomial> system = {
        {{"1", {}}, {"-1", {4, 0}}, {"-2", {2, 2}}, {"-1", {0, 4}}},  // R_*^+ of z_nu: 1 - |nu|^4
        {{"1", {1, 0}}, {"-1/3", {}}}};                                // slice Re nu = 1/3
    std::vector<double> t_refine, t_recognise, t_field, t_verify_nf, t_verify_cyc;
    const cogo::AbelianGroup group = cogo::AbelianGroup::cyclic(d);
    bool all_proved = true;
    for (int r = 0; r < repeat; ++r) {
        double t0 = cpu_ms();
        cogo::RefineOptions opt;
        opt.target_bits = 320;
        opt.max_displacement = 1e-4;
        const auto refined = cogo::refine_system(system, {start.real(), start.imag()}, opt);
        double t1 = cpu_ms();
        if (!refined.converged) return std::fprintf(stderr, "refine: %s\n", refined.reason.c_str()), 4;
        const auto rec = cogo::recognise_algebraic(cogo::ComplexBall::from_parts(refined.point[0], refined.point[1]), {4, 20});
        double t2 = cpu_ms();
        if (!rec.number) return std::fprintf(stderr, "recognise: %s\n", rec.reason.c_str()), 4;
        const cogo::CommonField K = cogo::common_field({*rec.number}, 3);
        double t3 = cpu_ms();
        {
            cogo::NumberField::Scope scope(K.field);
            const auto res = cogo::verify_global_optimum(cogo::f6<NumberFieldScalar>(group, {K.values[0]}));
            all_proved = all_proved && res.verdict == cogo::Verdict::proved;
        }
        double t4 = cpu_ms();
        const auto base = cogo::verify_global_optimum(cogo::f6<cogo::Cyclotomic>(group));
        double t5 = cpu_ms();
        all_proved = all_proved && base.verdict == cogo::Verdict::proved;
        t_refine.push_back(t1 - t0);
        t_recognise.push_back(t2 - t1);
        t_field.push_back(t3 - t2);
        t_verify_nf.push_back(t4 - t3);
        t_verify_cyc.push_back(t5 - t4);
    }
    std::printf("d = %lu, %d runs, medians of thread CPU ms; every verdict PROVED: %s\n", d, repeat,
                all_proved ? "yes" : "NO");
    std::printf("refine %.3f  recognise %.3f  common_field %.3f  build+verify over K %.3f  baseline build+verify "
                "over Cyclotomic %.3f  ratio K / Cyclotomic %.2f\n",
                median(t_refine), median(t_recognise), median(t_field), median(t_verify_nf), median(t_verify_cyc),
                median(t_verify_nf) / median(t_verify_cyc));
    return all_proved ? 0 : 1;
}
