#include "io/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>
#include <system_error>

#include "support/error.hpp"

namespace cogo {
namespace fs = std::filesystem;

namespace {

fs::path temporary_name(const fs::path& final_path) {
    static std::mt19937_64 rng{std::random_device{}()};
    std::ostringstream name;
    name << "." << final_path.filename().string() << ".tmp-" << std::hex << rng();
    return final_path.parent_path() / name.str();
}

void write_bytes(const fs::path& path, const std::string& bytes) {
    errno = 0;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out) throw InvalidInput("cannot create " + path.string() + ": " + std::strerror(errno != 0 ? errno : EIO));
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();  // the last bytes reach the file here: a full disk fails now at the latest
    if (!out) throw InvalidInput("cannot write " + path.string() + ": " + std::strerror(errno != 0 ? errno : EIO));
}

}  // namespace

StagedOutput::StagedOutput(fs::path directory) : directory_(std::move(directory)) {
    std::error_code ec;
    fs::create_directories(directory_, ec);
    if (ec || !fs::is_directory(directory_))
        throw InvalidInput("cannot create output directory " + directory_.string() +
                           (ec ? ": " + ec.message() : std::string(": not a directory")));
}

StagedOutput::~StagedOutput() {
    if (committed_) return;
    std::error_code ec;
    for (const auto& [tmp, final_path] : staged_) fs::remove(tmp, ec);
}

void StagedOutput::add(const std::string& name, const std::string& bytes) {
    const fs::path final_path = directory_ / name;
    const fs::path tmp = temporary_name(final_path);
    staged_.emplace_back(tmp, final_path);
    write_bytes(tmp, bytes);
}

void StagedOutput::commit() {
    for (const auto& [tmp, final_path] : staged_) {
        std::error_code ec;
        fs::rename(tmp, final_path, ec);
        if (ec) throw InvalidInput("cannot move " + tmp.string() + " to " + final_path.string() + ": " + ec.message());
    }
    committed_ = true;
}

void write_file_atomically(const fs::path& path, const std::string& bytes) {
    const fs::path parent = path.has_parent_path() ? path.parent_path() : fs::path(".");
    if (!fs::is_directory(parent)) throw InvalidInput("cannot write " + path.string() + ": no directory " + parent.string());
    const fs::path tmp = temporary_name(path.has_parent_path() ? path : fs::path(".") / path);
    try {
        write_bytes(tmp, bytes);
        std::error_code ec;
        fs::rename(tmp, path, ec);
        if (ec) throw InvalidInput("cannot move " + tmp.string() + " to " + path.string() + ": " + ec.message());
    } catch (...) {
        std::error_code ec;
        fs::remove(tmp, ec);
        throw;
    }
}

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw InvalidInput("cannot open " + path.string());
    std::ostringstream content;
    content << in.rdbuf();
    if (in.bad()) throw InvalidInput("cannot read " + path.string());
    return content.str();
}

}  // namespace cogo
