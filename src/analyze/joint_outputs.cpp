#include "analyze/joint_outputs.hpp"

#include <utility>

namespace cogo::analyze {

OutputHelper make_helper(const FourierWeights& z, Node<Cyclotomic> node, std::size_t j, double t,
                         const std::function<Complex(std::size_t)>& phase) {
    node.c.clear();
    OutputHelper h{std::move(node), std::vector<Complex>(z.n())};
    for (std::size_t m = 1; m < z.n(); ++m) h.trained[m] = z.zc(m, j) * t * t / phase(m);
    return h;
}

JointOutputs solve_jointly(const Element<Cyclotomic>& fixed, const std::vector<Node<Cyclotomic>>& nodes,
                           const std::vector<std::vector<Complex>>& trained, const std::vector<OutputHelper>& helpers,
                           double tolerance) {
    std::vector<Node<Cyclotomic>> all = nodes;
    std::vector<std::vector<Complex>> rows = trained;
    for (const OutputHelper& h : helpers) {
        all.push_back(h.node);
        rows.push_back(h.trained);
    }
    JointOutputs out;
    out.solution = solve_outputs(fixed, all, rows, tolerance);
    if (!out.solution.failure.empty()) return out;
    out.helper_c.assign(out.solution.c.begin() + static_cast<std::ptrdiff_t>(nodes.size()), out.solution.c.end());
    out.solution.c.resize(nodes.size());
    return out;
}

}  // namespace cogo::analyze
