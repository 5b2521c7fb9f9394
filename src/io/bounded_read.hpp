#pragma once
/// \file bounded_read.hpp
/// Reading input files with a bound on every allocation. Every reader of user files (.npy, .npz, element
/// and certificate JSON) goes through here, so that
///  * a directory, a symlink loop, a missing or unreadable file is refused with a message naming the file
///    and the reason (the errno text: "No such file or directory", "Too many levels of symbolic links",
///    "is a directory");
///  * nothing is read past a cap the caller derives from the format (a .npy header's shape) or from a
///    documented global limit: /dev/zero, a FIFO or a huge file never make cogo allocate more than the cap;
///  * buffers grow with the data actually read (never sized from a number in the file alone).
/// Errors: cogo::InvalidInput for unreadable or malformed input (exit 2), cogo::ResourceLimit when a
/// well-formed input exceeds a documented cap (exit 3).
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>

namespace cogo {

/// The cap on a JSON input file (certificate, element file): 256 MiB. The largest certificate cogo writes
/// for a group within its limits is far below this.
inline constexpr std::size_t kMaxJsonInputBytes = std::size_t{256} << 20;

/// Which files an InputFile opens.
enum class FileKinds {
    readable,  ///< a regular file, a character device, a FIFO (never a directory): what a user names
    regular,   ///< regular files only (a planted FIFO or device is refused without blocking the open)
};

/// An input file open for reading (a regular file, a character device, a FIFO; never a directory).
class InputFile {
public:
    /// Opens `path`; `kind` names it in messages ("certificate file", ".npy file"). Throws InvalidInput
    /// "cannot open KIND PATH: REASON" (errno text), "KIND PATH is a directory, not a file" or, with
    /// FileKinds::regular, "cannot read KIND PATH: not a regular file".
    InputFile(const std::filesystem::path& path, std::string kind, FileKinds accept = FileKinds::readable);
    InputFile(const InputFile&) = delete;
    InputFile& operator=(const InputFile&) = delete;
    ~InputFile();

    /// The file's size if it is a regular file (known before reading), else nullopt.
    [[nodiscard]] std::optional<std::uint64_t> regular_size() const { return size_; }
    /// Appends up to `count` bytes to `out`, fewer only at end of file; returns the number appended. The
    /// buffer grows in steps of at most max(1 MiB, bytes already read), so a lying count costs nothing.
    /// Throws InvalidInput "cannot read KIND PATH: REASON" on a read error.
    std::size_t read_up_to(std::string& out, std::size_t count);
    /// True iff no byte is left (reads at most one byte, which is then lost).
    [[nodiscard]] bool at_end();
    /// "KIND PATH", for messages.
    [[nodiscard]] std::string name() const;
    /// The path as given.
    [[nodiscard]] const std::string& path() const { return path_; }

private:
    std::string path_, kind_;
    int fd_ = -1;
    std::optional<std::uint64_t> size_;
};

/// The whole content of `path`, at most `max_bytes` of it: a longer file throws ResourceLimit naming the
/// file and the cap. Open/read errors as InputFile.
[[nodiscard]] std::string read_file_bounded(const std::filesystem::path& path, std::size_t max_bytes,
                                            const std::string& kind);

/// The whole content of the regular file `path` (FileKinds::regular), at most `max_bytes`: for the files
/// cogo writes itself and reads back (sweep manifests, run markers, summaries), where a larger file is a
/// corrupt or planted one, i.e. bad input: throws InvalidInput "cannot read PATH: larger than N bytes"
/// (and as InputFile).
[[nodiscard]] std::string read_regular_file_bounded(const std::filesystem::path& path, std::size_t max_bytes);

/// read_file_bounded for a text format (JSON): additionally refuses a NUL byte (InvalidInput naming its
/// offset), which no JSON text contains, so /dev/zero is refused after its first read.
[[nodiscard]] std::string read_text_file_bounded(const std::filesystem::path& path, std::size_t max_bytes,
                                                 const std::string& kind);

/// The deepest nesting of arrays and objects accepted in a JSON input (cogo's documents nest fewer than 10
/// levels); deeper documents are refused before parsing, since the JSON library recurses on them.
inline constexpr std::size_t kMaxJsonDepth = 256;

/// Throws InvalidInput naming `what` if `text` nests arrays/objects deeper than kMaxJsonDepth (a linear scan
/// that skips string contents; it does not otherwise validate the JSON).
void check_json_depth(const std::string& text, const std::string& what);

/// A byte count for messages: "17 bytes", "256 MiB" (exact multiples), "1536 bytes (1.5 KiB)".
[[nodiscard]] std::string byte_count_text(std::uint64_t bytes);

}  // namespace cogo
