// PyTorch checkpoints (io/torch_checkpoint.hpp, io/pickle.hpp): files written by Debian's python3-torch at test
// time (tests/io/torch_checkpoints.py; a missing torch fails the test) are read to the values NumPy wrote next
// to them; malicious and malformed pickles, hand-built here, are refused naming the offender, and nothing runs.
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <sstream>

#include <zlib.h>

#include "cli/construct_command.hpp"
#include "cli/crosscheck_command.hpp"
#include "harness/files.hpp"
#include "io/npz.hpp"
#include "io/pickle.hpp"
#include "io/torch_checkpoint.hpp"
#include "support/error.hpp"
#include "harness/random.hpp"

using namespace cogo;
using cogo::testing::read_file;
using namespace std::string_literals;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
    const fs::path dir = fs::temp_directory_path() / ("cogo-torch-" + std::to_string(cogo::testing::test_seed()) + "-" + name);
    fs::remove_all(dir);
    return dir;
}

/// The checkpoints, written once per run by the script (with a `cogo construct` export as construction.pt).
const fs::path& checkpoints() {
    static const fs::path dir = [] {
        const fs::path out = fresh_dir("files");
        cli::ConstructOptions options;
        options.selection.group = "11";
        options.selection.solution = "F46";
        options.out = (out / "construction").string();
        std::ostringstream log;
        REQUIRE(cli::run_construct(options, log) == 0);
        const char* script = std::getenv("COGO_TORCH_CHECKPOINTS_PY");
        REQUIRE_MESSAGE(script != nullptr, "COGO_TORCH_CHECKPOINTS_PY is not set (run through meson test)");
        const std::string command = "/usr/bin/python3 '" + std::string(script) + "' '" + out.string() + "' '" + options.out + "'";
        const int status = std::system(command.c_str());
        REQUIRE_MESSAGE(status == 0, "writing the checkpoints with Debian's python3-torch failed: " << command);
        return out;
    }();
    return dir;
}

std::string path_of(const std::string& name) { return (checkpoints() / name).string(); }

void check_equal(const Matrix<double>& m, const NpyArray& expected) {
    REQUIRE(expected.shape.size() == 2);
    REQUIRE(m.rows() == expected.shape[0]);
    REQUIRE(m.cols() == expected.shape[1]);
    CHECK(m.values() == expected.values);  // float32/float16 -> float64 is exact: bit-for-bit equality
}

void check_against_numpy(const std::string& name, const std::vector<std::string>& keys = {}) {
    const CheckpointWeights w = select_weights(read_torch_checkpoint(path_of(name + ".pt")), keys, name);
    const std::string reference = name == "custom" ? "views" : name == "module" ? "paper32" : name;
    const auto expected = read_npz(path_of(reference + ".expected.npz"));
    check_equal(w.wa, expected.at("Wa"));
    check_equal(w.wb, expected.at("Wb"));
    check_equal(w.v, expected.at("V"));
}

std::string message_of(const std::function<void()>& f) {
    try {
        f();
    } catch (const InvalidInput& e) {
        return e.what();
    }
    return "(no InvalidInput thrown)";
}

// ---- a stored ZIP archive, to wrap hand-built pickles the way torch.save does --------------------------

void put_le(std::string& s, std::uint64_t v, int width) {
    for (int i = 0; i < width; ++i) s += static_cast<char>((v >> (8 * i)) & 0xFF);
}

std::string stored_zip(const std::vector<std::pair<std::string, std::string>>& members) {
    std::string out, central;
    for (const auto& [name, data] : members) {
        const auto crc = crc32_z(0L, reinterpret_cast<const Bytef*>(data.data()), data.size());
        const std::size_t local = out.size();
        put_le(out, 0x04034b50, 4), put_le(out, 20, 2), put_le(out, 0, 2), put_le(out, 0, 2), put_le(out, 0, 4);
        put_le(out, crc, 4), put_le(out, data.size(), 4), put_le(out, data.size(), 4), put_le(out, name.size(), 2), put_le(out, 0, 2);
        out += name + data;
        put_le(central, 0x02014b50, 4), put_le(central, 20, 2), put_le(central, 20, 2), put_le(central, 0, 2);
        put_le(central, 0, 2), put_le(central, 0, 4), put_le(central, crc, 4), put_le(central, data.size(), 4);
        put_le(central, data.size(), 4), put_le(central, name.size(), 2), put_le(central, 0, 2), put_le(central, 0, 2);
        put_le(central, 0, 2), put_le(central, 0, 2), put_le(central, 0, 4), put_le(central, local, 4);
        central += name;
    }
    const std::size_t cd = out.size();
    out += central;
    put_le(out, 0x06054b50, 4), put_le(out, 0, 2), put_le(out, 0, 2), put_le(out, members.size(), 2);
    put_le(out, members.size(), 2), put_le(out, central.size(), 4), put_le(out, cd, 4), put_le(out, 0, 2);
    return out;
}

std::string checkpoint_with(const std::string& pickle, const std::string& storage = std::string(35 * 4, '\0')) {
    return stored_zip({{"archive/data.pkl", pickle}, {"archive/data/0", storage}});
}

std::string unicode(const std::string& s) {
    std::string out = "X";
    put_le(out, s.size(), 4);
    return out + s;
}

/// {name: tensor of 7 x 5 float32 at storage '0' (35 elements), offset, stride} as pickle protocol 2.
std::string tensor_pickle(int offset = 0, int size0 = 7, int stride0 = 5, int numel = 35) {
    std::string p = "\x80\x02}(" + unicode("layera.weight") + "ctorch._utils\n_rebuild_tensor_v2\n((" + unicode("storage") +
                    "ctorch\nFloatStorage\n" + unicode("0") + unicode("cpu") + "J";
    put_le(p, static_cast<std::uint64_t>(numel), 4);
    p += "tQJ";
    put_le(p, static_cast<std::uint64_t>(offset), 4);
    p += "J";
    put_le(p, static_cast<std::uint64_t>(size0), 4);
    p += "K\x05\x86J";
    put_le(p, static_cast<std::uint64_t>(stride0), 4);
    p += "K\x01\x86\x89)tRu.";
    return p;
}

}  // namespace

TEST_CASE("state_dicts written by torch.save read to the exact values (float32, float64, float16)") {
    check_against_numpy("paper32");
    check_against_numpy("paper64");
    check_against_numpy("paper16");
    const auto tensors = read_torch_checkpoint(path_of("paper32.pt"));
    REQUIRE(tensors.size() == 3);
    CHECK(tensors[0].name == "layera.weight");
    CHECK(tensors[0].dtype == "float32");
    CHECK(tensors[2].shape == std::vector<std::size_t>{5, 7});
    CHECK(read_torch_checkpoint(path_of("paper64.pt"))[0].dtype == "float64");
}

TEST_CASE("non-contiguous tensors with storage offsets, a shared storage, a nested training checkpoint") {
    check_against_numpy("custom", {"emb_a", "emb_b", "unemb"});
    // views.pt: names in_a, in_b, out (two q x d, one d x q, q != d): detected without --keys
    check_against_numpy("views");
    const CheckpointWeights nested = select_weights(read_torch_checkpoint(path_of("nested.pt")), {}, "nested");
    CHECK(nested.source == "model.layera.weight, model.layerb.weight, model.layerc.weight");
    check_equal(nested.wa, read_npz(path_of("paper32.expected.npz")).at("Wa"));
}

TEST_CASE("nn.Linear(2d, q) + nn.Linear(q, d): the input weight is split into W_a | W_b") {
    check_against_numpy("concat");
}

TEST_CASE("a whole nn.Module saved with torch.save(model) reads from its __dict__, running none of its code") {
    const auto tensors = read_torch_checkpoint(path_of("module.pt"));
    REQUIRE(tensors.size() == 3);
    CHECK(tensors[0].name == "layera.weight");
    check_against_numpy("module", {});
    // in a model-like pickle, calling anything not allowed is still refused by name, with the state_dict advice
    const std::string pkl = "\x80\x02" + unicode("_parameters") + "0" + unicode("_modules") + "0" + "cposix\nsystem\n" +
                            unicode("touch x") + "\x85R.";
    const std::string m = message_of([&] { (void)parse_torch_checkpoint(checkpoint_with(pkl), "hand"); });
    CHECK(m.find("calls posix.system") != std::string::npos);
    CHECK(m.find("state_dict()") != std::string::npos);
    // an instance's state must be a dict
    const std::string tuple_state = "\x80\x02" + unicode("_parameters") + "0" + unicode("_modules") + "0" +
                                    "c__main__\nNet\n)\x81)b.";
    CHECK(message_of([&] { (void)parse_torch_checkpoint(checkpoint_with(tuple_state), "hand"); }).find("sets the state") !=
          std::string::npos);
}

TEST_CASE("refused: nonzero biases, legacy format, ambiguous or missing keys") {
    CHECK(message_of([] { (void)select_weights(read_torch_checkpoint(path_of("biased.pt")), {}, "b"); }).find("0.bias is a nonzero bias") !=
          std::string::npos);
    CHECK(message_of([] { (void)read_torch_checkpoint(path_of("legacy.pt")); }).find("legacy") != std::string::npos);
    const auto custom = read_torch_checkpoint(path_of("custom.pt"));  // 4 two-dimensional tensors
    CHECK(message_of([&] { (void)select_weights(custom, {}, "c"); }).find("--keys") != std::string::npos);
    CHECK(message_of([&] { (void)select_weights(custom, {"emb_a", "nope", "unemb"}, "c"); }).find("no tensor named 'nope'") !=
          std::string::npos);
    CHECK_THROWS_AS((void)select_weights(custom, {"emb_a", "unemb", "emb_b"}, "c"), ShapeMismatch);
    CHECK_THROWS_AS((void)parse_weight_keys("a,b"), InvalidInput);
    CHECK_THROWS_AS((void)parse_weight_keys("a,,c"), InvalidInput);
    CHECK(parse_weight_keys("a,b,c") == std::vector<std::string>{"a", "b", "c"});
}

TEST_CASE("a malicious torch.save (os.system in __reduce__) is refused and runs nothing") {
    const std::string m = message_of([] { (void)read_torch_checkpoint(path_of("malicious.pt")); });
    CHECK(m.find("'posix.system'") != std::string::npos);
    CHECK(m.find("not allowed") != std::string::npos);
    CHECK_FALSE(fs::exists(checkpoints() / "PWNED"));
}

TEST_CASE("hand-built pickles: the tensor layout is read, anything else refused naming it") {
    // the hand-built tensor itself reads (values 0): the harness is right
    const auto ok = parse_torch_checkpoint(checkpoint_with(tensor_pickle()), "hand");
    REQUIRE(ok.size() == 1);
    CHECK(ok[0].shape == std::vector<std::size_t>{7, 5});
    const auto refused = [](const std::string& pickle) {
        return message_of([&] { (void)parse_torch_checkpoint(checkpoint_with(pickle), "hand"); });
    };
    CHECK(refused("\x80\x02" "cos\nsystem\n" + unicode("echo hi") + "\x85R.").find("'os.system'") != std::string::npos);
    CHECK(refused("\x80\x02" "cbuiltins\neval\n" + unicode("1") + "\x85R.").find("'builtins.eval'") != std::string::npos);
    CHECK(refused("\x80\x02\x8c\x02os\x8c\x06system\x93" + unicode("x") + "\x85R.").find("'os.system'") != std::string::npos);
    // allowed names used the wrong way
    CHECK(refused("\x80\x02" "ctorch\nFloatStorage\n)R.").find("calls torch.FloatStorage") != std::string::npos);
    CHECK(refused("\x80\x02" "ccollections\nOrderedDict\n]\x85R.").find("OrderedDict built from arguments") != std::string::npos);
    CHECK(refused("\x80\x02]}b.").find("sets the state of a list") != std::string::npos);
    CHECK(refused("\x80\x02" + unicode("x") + "Q.").find("persistent id") != std::string::npos);
    CHECK(refused("\x80\x02(cos\nsystem\nK\x01o.").find("os.system") != std::string::npos);  // refused at the GLOBAL already
    CHECK(refused("\x80\x02(K\x01o.").find("OBJ") != std::string::npos);
    CHECK(refused("\x80\x02" "K\x01\x92.").find("NEWOBJ_EX") != std::string::npos);
    // malformed
    CHECK(refused("\x80\x02}").find("without a STOP") != std::string::npos);
    CHECK(refused("\x80\x02h\x05.").find("memo entry 5") != std::string::npos);
    CHECK(refused("\x80\x02X\xff\xff\xff\x7f").find("beyond the end") != std::string::npos);
    CHECK(refused("\x80\x02\x8a\x09" + std::string(9, '\x01') + ".").find("9 bytes") != std::string::npos);
    CHECK(refused("\x80\x02" "a.").find("stack underflow") != std::string::npos);
    CHECK(refused("\x80\x02K\x01K\x02.").find("STOP with 2") != std::string::npos);
    CHECK(refused("\x80\x02" "I1\n.").find("unsupported opcode 0x49") != std::string::npos);
    CHECK(refused("\x80\x07N.").find("protocol 7") != std::string::npos);
    // tensors reaching beyond their storage: size, offset, stride
    CHECK(refused(tensor_pickle(1)).find("reaches element 35") != std::string::npos);
    CHECK(refused(tensor_pickle(0, 8)).find("reaches element 39") != std::string::npos);
    CHECK(refused(tensor_pickle(0, 7, 6)).find("reaches element") != std::string::npos);
    CHECK(refused(tensor_pickle(0, 7, 5, 36)).find("fewer than its 36 elements") != std::string::npos);
    // a list that contains itself: the walk stops at the nesting bound instead of recursing forever
    CHECK(refused("\x80\x02]q\x00h\x00" "a."s).find("nested deeper") != std::string::npos);
    // archives: not a zip, no data.pkl, a member twice (which one would be read?), big-endian
    CHECK(message_of([] {
              (void)parse_torch_checkpoint(stored_zip({{"archive/data.pkl", tensor_pickle()}, {"archive/data.pkl", "."}}), "x");
          }).find("appears twice") != std::string::npos);
    CHECK(message_of([] { (void)parse_torch_checkpoint("\x93NUMPY", "x"); }).find("not a PyTorch checkpoint") != std::string::npos);
    CHECK(message_of([] { (void)parse_torch_checkpoint(stored_zip({{"a/b", "c"}}), "x"); }).find("no data.pkl") != std::string::npos);
    CHECK(message_of([] {
              (void)parse_torch_checkpoint(stored_zip({{"archive/data.pkl", tensor_pickle()}, {"archive/byteorder", "big"}}), "x");
          }).find("big") != std::string::npos);
}

TEST_CASE("lists nested 300000 deep are built and destroyed without recursion") {
    const std::size_t depth = 300'000;
    const std::string deep = "\x80\x02" + std::string(depth, ']') + std::string(depth - 1, 'a') + ".";
    const pickle::Value v = pickle::unpickle(deep, {}, "deep");
    CHECK(v.is(pickle::Value::Kind::list));
    // through the checkpoint reader: the walk stops at its nesting bound
    CHECK(message_of([&] { (void)parse_torch_checkpoint(checkpoint_with(deep), "deep"); }).find("nested deeper") !=
          std::string::npos);
}

TEST_CASE("pickle limits throw ResourceLimit") {
    pickle::PickleLimits limits;
    limits.max_stack = 4;
    CHECK_THROWS_AS((void)pickle::unpickle("\x80\x02NNNNN.", {}, "x", limits), ResourceLimit);
    limits = {};
    limits.max_memo = 1;
    CHECK_THROWS_AS((void)pickle::unpickle("\x80\x02Nq\x00q\x01."s, {}, "x", limits), ResourceLimit);
    const pickle::Value v = pickle::unpickle("\x80\x02(K\x01J\xff\xff\xff\xff\x8a\x02\x00\x80G?\xf8\x00\x00\x00\x00\x00\x00\x88Nt."s, {}, "x");
    REQUIRE(v.is(pickle::Value::Kind::tuple));
    const auto& t = *v.items;
    REQUIRE(t.size() == 6);
    CHECK(t[0].integer == 1);
    CHECK(t[1].integer == -1);
    CHECK(t[2].integer == -32768);
    CHECK(t[3].real == 1.5);
    CHECK(t[4].is(pickle::Value::Kind::boolean));
    CHECK(t[5].is(pickle::Value::Kind::none));
}

TEST_CASE("cogo crosscheck model.pt: an exported construction saved by torch is PROVED; --keys; refusals exit 2") {
    cli::CrosscheckCommandOptions o;
    o.dir = path_of("construction.pt");
    std::ostringstream out;
    CHECK(cli::run_crosscheck(o, out) == 0);
    CHECK(out.str().find("PROVED") != std::string::npos);
    o.keys = "layera.weight,layerb.weight,layerc.weight";
    std::ostringstream again;
    CHECK(cli::run_crosscheck(o, again) == 0);
    o.keys = "layera.weight,layerc.weight,layerb.weight";
    CHECK_THROWS_AS((void)cli::run_crosscheck(o, again), ShapeMismatch);
    o.keys = "";
    o.dir = path_of("malicious.pt");
    CHECK_THROWS_AS((void)cli::run_crosscheck(o, again), InvalidInput);
    // the executable: exit code 2 and the offending name on stderr
    const char* exe = std::getenv("COGO_EXE");
    REQUIRE(exe != nullptr);
    const fs::path err = checkpoints() / "stderr.txt";
    const std::string command = "'" + std::string(exe) + "' crosscheck '" + path_of("malicious.pt") + "' 2> '" + err.string() + "'";
    const int status = std::system(command.c_str());
    CHECK(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 2);
    CHECK(read_file(err).find("posix.system") != std::string::npos);
    CHECK_FALSE(fs::exists(checkpoints() / "PWNED"));
}
