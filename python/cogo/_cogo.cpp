// The C++ half of the Python module `cogo` (pybind11): a thin layer over the library functions the CLI
// subcommands call (src/cli/*_command.cpp). Reports and verdicts cross as plain dicts/strings and NumPy
// arrays; the Python half (cogo/__init__.py) wraps them in classes. cogo::InvalidInput -> ValueError,
// cogo::ResourceLimit -> cogo.LimitError, other cogo::Error -> RuntimeError, with the same messages.
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstring>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "algebra/element.hpp"
#include "algebra/potentials.hpp"
#include "algebra/real_weights.hpp"
#include "algebra/semiring.hpp"
#include "algebra/transforms.hpp"
#include "analyze/crosscheck.hpp"
#include "analyze/spectrum_svg.hpp"
#include "cli/crosscheck_command.hpp"
#include "cli/kills_command.hpp"
#include "cli/number_options.hpp"
#include "cli/symbolic_verify.hpp"
#include "cli/solution_options.hpp"
#include "cli/train_command.hpp"
#include "construct/expression.hpp"
#include "io/element_json.hpp"
#include "io/torch_checkpoint.hpp"
#include "support/error.hpp"
#include "train/metrics.hpp"
#include "train/trainer.hpp"
#include "verify/certificate_writer.hpp"
#include "verify/verify.hpp"

namespace py = pybind11;
using namespace cogo;

namespace {

using Exact = Element<Cyclotomic>;
/// A float64 array in C order: no copy when the caller's array already is one (NumPy's forcecast copies otherwise).
using DoubleArray = py::array_t<double, py::array::c_style | py::array::forcecast>;

/// A Matrix handed to NumPy without copying: the array's base owns the moved Matrix.
py::array_t<double> to_numpy(Matrix<double>&& m) {
    auto* owned = new Matrix<double>(std::move(m));
    py::capsule base(owned, [](void* p) { delete static_cast<Matrix<double>*>(p); });
    const auto rows = static_cast<py::ssize_t>(owned->rows()), cols = static_cast<py::ssize_t>(owned->cols());
    return py::array_t<double>({rows, cols}, {cols * static_cast<py::ssize_t>(sizeof(double)), static_cast<py::ssize_t>(sizeof(double))},
                               owned->values().data(), base);
}

Matrix<double> to_matrix(const DoubleArray& a, const char* name) {
    if (a.ndim() != 2)
        throw InvalidInput(std::string(name) + ": expected a 2-D array, got " + std::to_string(a.ndim()) + " dimensions");
    const auto rows = static_cast<std::size_t>(a.shape(0)), cols = static_cast<std::size_t>(a.shape(1));
    return Matrix<double>(rows, cols, std::vector<double>(a.data(), a.data() + rows * cols));
}

std::string condition_text(const OutputCondition<Cyclotomic>& c) {
    return std::string(condition_kind_name(c.kind())) + " condition T_" + std::to_string(c.k) + "(" + std::to_string(c.k1) +
           ", " + std::to_string(c.k2) + ") = " + c.value.to_string() + ", target " + std::to_string(c.target);
}

/// verify_global_optimum as a dict (the fields of `cogo verify --json`, plus the certificate text).
py::dict verify_dict(const Exact& z, std::size_t max_terms, const std::string& statement) {
    VerifyLimits limits;
    limits.max_terms = max_terms;
    VerificationResult<Cyclotomic> r;
    {
        py::gil_scoped_release release;
        r = verify_global_optimum(z, limits);
    }
    py::dict d;
    d["verdict"] = verdict_name(r.verdict);
    d["loss"] = r.loss ? py::object(py::str(r.loss->to_string())) : py::object(py::none());
    d["failing"] = r.failing;
    d["conditions"] = r.conditions.size();
    d["work"] = r.work;
    d["reason"] = r.reason;
    d["counterexample"] = r.counterexample ? py::object(py::str(condition_text(r.conditions[*r.counterexample])))
                                           : py::object(py::none());
    d["certificate"] = r.verdict == Verdict::unknown ? py::object(py::none())
                                                     : py::object(py::str(certificate_text(z, r, statement)));
    return d;
}

py::dict weights_dict(Matrix<double> wa, Matrix<double> wb, Matrix<double> v) {
    py::dict d;
    d["Wa"] = to_numpy(std::move(wa));
    d["Wb"] = to_numpy(std::move(wb));
    d["V"] = to_numpy(std::move(v));
    return d;
}

Matrix<double> real_parts(const Matrix<Complex>& m) {
    Matrix<double> r(m.rows(), m.cols());
    for (std::size_t i = 0; i < m.rows(); ++i)
        for (std::size_t j = 0; j < m.cols(); ++j) r(i, j) = m(i, j).real();
    return r;
}

py::dict crosscheck_dict(const std::string& group_spec, const DoubleArray& wa, const DoubleArray& wb, const DoubleArray& v,
                         const analyze::CrosscheckOptions& options, bool svg) {
    NetworkWeights<double> w{to_matrix(wa, "Wa"), to_matrix(wb, "Wb"), to_matrix(v, "V")};
    const std::size_t n = w.wa.cols();
    if (w.wb.cols() != n || w.v.rows() != n)
        throw ShapeMismatch("crosscheck: mismatched group order: W_a has " + std::to_string(n) + " columns, W_b " +
                            std::to_string(w.wb.cols()) + ", V " + std::to_string(w.v.rows()) + " rows");
    if (n < 2) throw InvalidInput("crosscheck: W_a has " + std::to_string(n) + " columns; need a group of order >= 2");
    const AbelianGroup group = group_spec.empty() ? AbelianGroup::cyclic(n) : AbelianGroup::parse(group_spec);
    if (group.order() != n)
        throw ShapeMismatch("crosscheck: group " + group_spec + " has order " + std::to_string(group.order()) +
                            " but the weights have n = " + std::to_string(n));
    std::optional<analyze::CrosscheckReport> r;
    std::string spectrum;
    {
        py::gil_scoped_release release;
        analyze::check_trained_weights(group, w, "crosscheck");
        r = analyze::crosscheck(group, w, options);
        if (svg) spectrum = analyze::spectrum_svg(analyze::fourier_transform(group, w), *r);
    }
    py::dict d;
    d["json"] = cli::crosscheck_json(*r).dump();
    d["rounded"] = r->rounded ? py::cast(*r->rounded) : py::object(py::none());
    d["svg"] = spectrum;
    return d;
}

py::dict train_dict(const cli::TrainCommandOptions& options) {
    const train::TrainConfig config = cli::resolve_config(options);
    train::TrainResult result;
    std::string svg;
    {
        py::gil_scoped_release release;
        result = train::train(config);
        svg = train::metrics_svg(result.metrics, "train " + AbelianGroup::parse(config.group).name());
    }
    py::dict d = weights_dict(std::move(result.weights.wa), std::move(result.weights.wb), std::move(result.weights.v));
    const std::size_t rows = result.metrics.size();
    py::array_t<double> step(rows), train_loss(rows), train_acc(rows), test_loss(rows), test_acc(rows);
    for (std::size_t i = 0; i < rows; ++i) {
        const auto& m = result.metrics[i];
        step.mutable_at(i) = static_cast<double>(m.step);
        train_loss.mutable_at(i) = m.train_loss;
        train_acc.mutable_at(i) = m.train_accuracy;
        test_loss.mutable_at(i) = m.test_loss;
        test_acc.mutable_at(i) = m.test_accuracy;
    }
    py::dict metrics;
    metrics["step"] = step;
    metrics["train_loss"] = train_loss;
    metrics["train_accuracy"] = train_acc;
    metrics["test_loss"] = test_loss;
    metrics["test_accuracy"] = test_acc;
    d["metrics"] = metrics;
    d["curves_svg"] = svg;
    d["group"] = AbelianGroup::parse(config.group).spec();
    d["train_size"] = result.train_size;
    d["test_size"] = result.test_size;
    d["seconds_per_step"] = train::median(result.step_seconds);
    d["gradient_path"] = train::gradient_path_name(result.gradient_path);
    return d;
}

}  // namespace

PYBIND11_MODULE(_cogo, m) {
    m.doc() = "C++ core of cogo (see the cogo package for the documented Python API)";

    static py::exception<ResourceLimit> limit_error(m, "LimitError", PyExc_RuntimeError);
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const ResourceLimit& e) {
            limit_error(e.what());
        } catch (const InvalidInput& e) {
            PyErr_SetString(PyExc_ValueError, e.what());
        } catch (const Error& e) {
            PyErr_SetString(PyExc_RuntimeError, e.what());
        }
    });

    py::class_<AbelianGroup>(m, "Group", "A finite Abelian group Z_{d1} x ... x Z_{dm} (docs/theory.md section 1).")
        .def(py::init([](const std::string& spec) { return AbelianGroup::parse(spec); }), py::arg("spec"),
             "Group('23') is Z_23, Group('2x3x4') is Z_2 x Z_3 x Z_4.")
        .def(py::init([](unsigned long d) { return AbelianGroup::cyclic(d); }), py::arg("d"), "Group(23) is Z_23.")
        .def_property_readonly("order", &AbelianGroup::order, "Number of elements |G| (the n of the weights).")
        .def_property_readonly("spec", &AbelianGroup::spec, "The spec string, e.g. '2x3x4'.")
        .def_property_readonly("name", &AbelianGroup::name, "Readable name, e.g. 'Z_2 x Z_3 x Z_4'.")
        .def("__repr__", [](const AbelianGroup& g) { return "cogo.Group('" + g.spec() + "')"; });

    py::class_<Exact>(m, "Element", py::dynamic_attr(), "An exact semi-ring element over Q(zeta_N) (docs/theory.md section 4).")
        .def_property_readonly("group", &Exact::group, "The group.")
        .def_property_readonly("order", &Exact::order, "Number of hidden nodes q.")
        .def("__add__", [](const Exact& a, const Exact& b) { return a + b; }, "Semi-ring sum: the nodes of both.")
        .def("__mul__", [](const Exact& a, const Exact& b) { return a * b; }, "Semi-ring product: Kronecker per frequency.")
        .def("__pow__", [](const Exact& a, unsigned n) {
                if (n > 64) throw InvalidInput("element power " + std::to_string(n) + ": at most 64");
                return power(a, n);
            }, "z ** n (z ** 0 is the one element).")
        .def("potential", [](const Exact& z, std::size_t k1, std::size_t k2, std::size_t k) {
                const std::size_t n = z.group().order();
                if (k1 >= n || k2 >= n || k >= n) throw InvalidInput("potential: frequencies must be < " + std::to_string(n));
                return potential(z, k1, k2, k).to_string();
            }, py::arg("k1"), py::arg("k2"), py::arg("k"), "The exact monomial potential r_{k1,k2,k} as a string.")
        .def("potential_complex", [](const Exact& z, std::size_t k1, std::size_t k2, std::size_t k) {
                const std::size_t n = z.group().order();
                if (k1 >= n || k2 >= n || k >= n) throw InvalidInput("potential: frequencies must be < " + std::to_string(n));
                return potential(z, k1, k2, k).to_complex();
            }, py::arg("k1"), py::arg("k2"), py::arg("k"), "r_{k1,k2,k} rounded to a complex float.")
        .def("is_conjugate_symmetric", [](const Exact& z) { return is_conjugate_symmetric(z); },
             "True iff the real-domain weights of the element are real.")
        .def("to_json", [](const Exact& z, const std::string& description) {
                return element_file_text(z, description, nlohmann::json::object());
            }, py::arg("description") = "", "The exact cogo-element document (for `cogo verify --file`).")
        .def("__repr__", [](const Exact& z) {
                return "<cogo.Element on " + z.group().name() + ": " + std::to_string(z.order()) + " nodes>";
            });

    m.def("parse_element", [](const AbelianGroup& group, const std::string& text) { return evaluate_expression(group, text); },
          py::arg("group"), py::arg("text"),
          "Evaluates a ring expression (construct/expression.hpp) over the group.");
    m.def("read_element_file", &read_element_file, py::arg("path"), "Reads a cogo-element document or certificate.");
    m.def("named_element", [](const std::string& group, const std::string& solution, const std::string& nu, const std::string& xi,
                              const std::string& sign, const std::string& alpha, const std::string& beta,
                              std::optional<std::size_t> k0) {
            cli::SolutionOptions o;
            o.group = group;
            o.solution = solution;
            o.nu = nu, o.xi = xi, o.sign = sign, o.alpha = alpha, o.beta = beta, o.k0 = k0;
            cli::SelectedElement s = cli::select_element(o);
            return py::make_tuple(py::cast(std::move(s.z)), s.description, s.parameters.dump());
        }, py::arg("group"), py::arg("solution"), py::arg("nu"), py::arg("xi"), py::arg("sign"), py::arg("alpha"),
        py::arg("beta"), py::arg("k0"), "A construction of the catalogue, as `cogo construct --solution` builds it.");
    m.def("verify", &verify_dict, py::arg("element"), py::arg("max_terms"), py::arg("statement"),
          "Decides l(z) = 0 exactly (docs/theory.md section 3).");
    m.def("verify_symbolic", [](const std::string& group, const std::string& expr, const std::vector<std::string>& symbols,
                                const std::vector<std::string>& real_symbols, std::uint64_t max_terms,
                                const std::string& certificate) {
            cli::SolutionOptions selection;
            selection.group = group;
            selection.expr = expr;
            ResourceLimits limits;
            limits.max_terms = max_terms;
            std::ostringstream out;
            const int code = cli::run_symbolic_verify(selection, ExpressionSymbols{symbols, real_symbols}, limits,
                                                      certificate, true, out);
            return std::make_pair(code, out.str());
        }, py::arg("group"), py::arg("expr"), py::arg("symbols"), py::arg("real_symbols"), py::arg("max_terms"),
        py::arg("certificate"),
        "The parametric verification of `cogo verify --expr EXPR --symbol ...`: (exit code, its JSON report).");
    m.def("kills", [](const std::string& group, const std::string& expr, const std::vector<std::string>& symbols,
                      const std::vector<std::string>& real_symbols, const std::string& times) {
            cli::KillsOptions o;
            o.selection.group = group;
            o.selection.expr = expr;
            o.symbols = ExpressionSymbols{symbols, real_symbols};
            o.times = times;
            o.json = true;
            std::ostringstream out;
            const int code = cli::run_kills(o, out);
            return std::make_pair(code, out.str());
        }, py::arg("group"), py::arg("expr"), py::arg("symbols"), py::arg("real_symbols"), py::arg("times"),
        "The kill table of `cogo kills --expr EXPR [--symbol ...] [--times EXPR2] --json`: (exit code, JSON).");
    m.def("real_weights", [](const Exact& z) {
            if (!is_conjugate_symmetric(z))
                throw InvalidInput("construct: the element is not conjugate symmetric, so its weights are not real");
            const Element<Complex> zf = map_values<Complex>(z, [](const Cyclotomic& v) { return v.to_complex(); });
            const NetworkWeights<Complex> w = to_real_weights(zf);
            return weights_dict(real_parts(w.wa), real_parts(w.wb), real_parts(w.v));
        }, py::arg("element"), "The real-domain weights Wa, Wb (q x n), V (n x q), float64, as `cogo construct` writes them.");
    m.def("crosscheck", [](const std::string& group, const DoubleArray& wa, const DoubleArray& wb, const DoubleArray& v,
                           bool verify, std::size_t max_terms, bool svg) {
            analyze::CrosscheckOptions o;
            o.verify = verify;
            o.max_terms = max_terms;
            return crosscheck_dict(group, wa, wb, v, o, svg);
        }, py::arg("group"), py::arg("wa"), py::arg("wb"), py::arg("v"), py::arg("verify"), py::arg("max_terms"), py::arg("svg"),
        "`cogo crosscheck` on arrays: the --json report (a JSON string), the rounded element, the spectrum SVG.");
    m.def("read_checkpoint", [](const std::string& path) {
            py::list out;
            for (const CheckpointTensor& t : read_torch_checkpoint(path)) {
                py::array_t<double> a(std::vector<py::ssize_t>(t.shape.begin(), t.shape.end()));
                if (!t.values.empty()) std::memcpy(a.mutable_data(), t.values.data(), t.values.size() * sizeof(double));
                out.append(py::make_tuple(t.name, t.dtype, a));
            }
            return out;
        }, py::arg("path"), "The tensors of a torch.save checkpoint, read without executing its pickle: (name, dtype, array).");
    m.def("select_weights", [](const std::vector<std::pair<std::string, DoubleArray>>& named, const std::vector<std::string>& keys) {
            std::vector<CheckpointTensor> tensors;
            for (const auto& [name, a] : named) {
                CheckpointTensor t;
                t.name = name;
                t.dtype = "float64";
                for (py::ssize_t i = 0; i < a.ndim(); ++i) t.shape.push_back(static_cast<std::size_t>(a.shape(i)));
                t.values.assign(a.data(), a.data() + a.size());
                tensors.push_back(std::move(t));
            }
            CheckpointWeights w = select_weights(tensors, keys, "state_dict");
            py::dict d = weights_dict(std::move(w.wa), std::move(w.wb), std::move(w.v));
            d["source"] = w.source;
            return d;
        }, py::arg("named"), py::arg("keys"),
        "Picks Wa, Wb, V among named arrays like `cogo crosscheck model.pt` (layera/layerb/layerc, nn.Linear layouts).");
    m.def("train", [](const std::string& group, std::size_t width, double lr, double weight_decay, std::size_t steps,
                      double test_fraction, const std::string& train_fraction, std::uint64_t seed, unsigned threads,
                      const std::string& precision, const std::string& loss, const std::string& activation,
                      const std::string& optimizer, double momentum, std::size_t eval_every, std::size_t batch_size,
                      double init_scale, const std::string& gradient_path, const std::string& init,
                      double init_pad_scale, bool init_balance) {
            cli::TrainCommandOptions o;
            o.config.group = group;
            o.config.width = width;
            o.config.lr = lr;
            o.config.weight_decay = weight_decay;
            o.config.steps = steps;
            // like --train-fraction: 1 - F computed exactly from the decimal digits
            o.config.test_fraction =
                train_fraction.empty() ? test_fraction : cli::complement_fraction(train_fraction, "train_fraction");
            o.config.seed = seed;
            o.config.threads = threads;
            o.config.momentum = momentum;
            o.config.eval_every = eval_every;
            o.config.batch_size = batch_size;
            o.config.init_scale = init_scale;
            o.precision = precision;
            o.loss = loss;
            o.activation = activation;
            o.optimizer = optimizer;
            o.gradient_path = gradient_path;
            o.init = init;
            o.init_pad_scale = init_pad_scale;
            o.init_balance = init_balance;
            return train_dict(o);
        }, py::arg("group"), py::arg("width"), py::arg("lr"), py::arg("weight_decay"), py::arg("steps"), py::arg("test_fraction"),
        py::arg("train_fraction"), py::arg("seed"), py::arg("threads"), py::arg("precision"), py::arg("loss"),
        py::arg("activation"), py::arg("optimizer"), py::arg("momentum"), py::arg("eval_every"), py::arg("batch_size"),
        py::arg("init_scale"), py::arg("gradient_path"), py::arg("init"), py::arg("init_pad_scale"),
        py::arg("init_balance"), "`cogo train` without files: weights, metrics, curves SVG.");
}
