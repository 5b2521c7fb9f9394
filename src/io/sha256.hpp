#pragma once
/// \file sha256.hpp
/// SHA-256 (FIPS 180-4) of byte strings and files, as lowercase hex. Used to tie a run folder's completion
/// marker and the table's cached cross-checks to the content they describe (io/run_directory.hpp).
#include <cstdint>
#include <cstddef>
#include <filesystem>
#include <string>
#include <string_view>

namespace cogo {

/// Incremental SHA-256.
class Sha256 {
public:
    Sha256();
    /// Appends bytes to the message.
    void update(std::string_view bytes);
    /// The digest of everything appended, as 64 lowercase hex digits (the object is spent afterwards).
    [[nodiscard]] std::string hex_digest();

private:
    void block(const unsigned char* p);
    std::uint32_t h_[8];
    unsigned char buffer_[64];
    std::size_t buffered_ = 0;
    std::uint64_t length_ = 0;  // bytes
};

/// SHA-256 of `bytes` in hex.
[[nodiscard]] std::string sha256_hex(std::string_view bytes);

/// SHA-256 of a regular file's content in hex, and its size. Throws InvalidInput (with the errno text) if it
/// cannot be read, is not a regular file, or holds more than `limit` bytes (read stops there).
[[nodiscard]] std::string sha256_file(const std::filesystem::path& path, std::uintmax_t* size = nullptr,
                                      std::uintmax_t limit = UINTMAX_MAX);

}  // namespace cogo
