#pragma once
/// \file npz.hpp
/// NumPy .npz archives (np.savez, np.savez_compressed): ZIP files whose members NAME.npy are .npy arrays.
/// Reads the central directory (ZIP64 included, as NumPy always writes it), members stored (method 0) or
/// deflated (method 8, via zlib), and checks every member's CRC-32. Malformed, truncated or corrupted
/// archives throw cogo::InvalidInput with the reason; so do archives naming one member twice (NumPy would
/// silently read one of them). Memory is bounded by what the archive actually holds:
///  * a deflated member is inflated in bounded chunks; its first bytes (the .npy header) are checked
///    against the size the central directory declares before the rest is inflated, so a member declaring
///    16 GiB with a small header is refused after inflating at most the header;
///  * each member's data is bounded by kMaxNpyDataBytes, the archive file by kMaxNpzFileBytes and the sum
///    of all members' sizes by kMaxNpzTotalBytes (cogo::ResourceLimit beyond them).
#include <cstdint>
#include <map>
#include <string>
#include <string_view>

#include "io/npy.hpp"

namespace cogo {

/// The largest .npz file read: 4 GiB.
inline constexpr std::uint64_t kMaxNpzFileBytes = std::uint64_t{4} << 30;
/// The largest sum of the uncompressed sizes of an archive's members: 4 GiB.
inline constexpr std::uint64_t kMaxNpzTotalBytes = std::uint64_t{4} << 30;

/// The arrays of an .npz archive's bytes, keyed by member name without ".npy" (np.savez(f, Wa=...) -> "Wa").
/// `what` names the source in error messages.
[[nodiscard]] std::map<std::string, NpyArray> parse_npz(std::string_view bytes, const std::string& what = "archive");

/// The members of a ZIP archive's bytes (name -> uncompressed content), read with the same checks as
/// parse_npz (bounds, stored or deflated members inflated in bounded steps, CRC-32, duplicate names refused,
/// at most kMaxNpzTotalBytes in all). Used by the PyTorch checkpoint reader (io/torch_checkpoint.hpp).
[[nodiscard]] std::map<std::string, std::string> parse_zip_members(std::string_view bytes, const std::string& what = "archive");

/// Reads an .npz file: a regular file (a ZIP archive is read from its end, so /dev/zero or a FIFO is refused
/// unread) of at most kMaxNpzFileBytes; see bounded_read.hpp for open/read errors.
[[nodiscard]] std::map<std::string, NpyArray> read_npz(const std::string& path);

}  // namespace cogo
