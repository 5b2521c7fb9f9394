#include "cli/construct_command.hpp"

#include <chrono>
#include <iostream>

#include <nlohmann/json.hpp>

#include "algebra/real_weights.hpp"
#include "algebra/transforms.hpp"
#include "cli/exit_codes.hpp"
#include "construct/element_cost.hpp"
#include "io/atomic_file.hpp"
#include "io/element_json.hpp"
#include "io/npy.hpp"
#include "scalar/float.hpp"

namespace cogo::cli {

namespace {

Matrix<double> real_parts(const Matrix<Complex>& m) {
    Matrix<double> r(m.rows(), m.cols());
    for (std::size_t i = 0; i < m.rows(); ++i)
        for (std::size_t j = 0; j < m.cols(); ++j) r(i, j) = m(i, j).real();
    return r;
}

}  // namespace

int run_construct(const ConstructOptions& options, std::ostream& out) {
    if (options.out.empty()) throw InvalidInput("construct: --out DIR is required");
    const auto start = std::chrono::steady_clock::now();
    const SelectedElement selected = select_element(options.selection, options.limits);
    const Element<Cyclotomic>& z = selected.z;
    if (!is_conjugate_symmetric(z))
        throw InvalidInput("construct: the element is not conjugate symmetric, so its weights are not real");
    // Exporting: every entry is summed into n weights per row (entries x n complex terms, plus the n x n
    // character table); memory: the q x n weight matrices (complex, then real, then .npy bytes) and the table.
    {
        const std::uint64_t q = z.order(), n = z.group().order();
        const ElementCost c = element_cost(z);
        const std::uint64_t terms = saturating_add(saturating_mul(c.entries, n), saturating_mul(n, n));
        const std::uint64_t bytes = saturating_add(saturating_mul(saturating_mul(q, n), 3 * (16 + 8 + 8)),
                                                   saturating_mul(saturating_mul(n, n), 2 * 16));
        require_within(terms, bytes, options.limits, "construct: exporting the real weights of " + selected.description);
    }

    // The exact element is rounded once to complex<double> and transformed in floating point: the real-domain
    // weights are only ever exported as float64, and the exact form goes to fourier.json.
    const Element<Complex> zf = map_values<Complex>(z, [](const Cyclotomic& v) { return v.to_complex(); });
    const NetworkWeights<Complex> w = to_real_weights(zf);

    StagedDirectory files(options.out, options.overwrite);
    files.add(run_files::wa, npy_bytes(real_parts(w.wa)));
    files.add(run_files::wb, npy_bytes(real_parts(w.wb)));
    files.add(run_files::v, npy_bytes(real_parts(w.v)));
    files.add(run_files::fourier, element_file_text(z, selected.description, selected.parameters));
    const nlohmann::json identity = {{"kind", "cogo-construct"}, {"element", selected.description},
                                     {"group", z.group().spec()}, {"width", z.order()}};
    files.add(run_files::summary, identity.dump(2) + "\n");
    files.commit(identity);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    if (options.json) {
        out << nlohmann::json{{"element", selected.description}, {"group", z.group().spec()}, {"order", z.order()},
                              {"out", options.out},   {"files", {kWaFile, kWbFile, kVFile, kFourierFile, run_files::summary, run_files::marker}},
                              {"seconds", seconds}}
                   .dump(2)
            << "\n";
    } else {
        out << "wrote " << selected.description << ": q = " << z.order() << " nodes, n = " << z.group().order()
            << "\n  " << options.out << "/{" << kWaFile << ", " << kWbFile << "} (q x n), " << kVFile << " (n x q), "
            << kFourierFile << " (exact Fourier form)  [" << seconds << " s]\n";
    }
    return exit_ok;
}

}  // namespace cogo::cli
