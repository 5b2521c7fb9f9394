#pragma once
/// \file npz.hpp
/// NumPy .npz archives (np.savez, np.savez_compressed): ZIP files whose members NAME.npy are .npy arrays.
/// Reads the central directory (ZIP64 included, as NumPy always writes it), members stored (method 0) or
/// deflated (method 8, via zlib), and checks every member's CRC-32. Malformed, truncated or corrupted
/// archives throw cogo::InvalidInput with the reason.
#include <map>
#include <string>

#include "io/npy.hpp"

namespace cogo {

/// The arrays of an .npz archive's bytes, keyed by member name without ".npy" (np.savez(f, Wa=...) -> "Wa").
/// `what` names the source in error messages.
std::map<std::string, NpyArray> parse_npz(const std::string& bytes, const std::string& what = "archive");

/// The members of a ZIP archive's bytes (name -> uncompressed content), read with the same checks as
/// parse_npz (stored or deflated members, CRC-32, bounds); errors name `what` and say "not a valid .npz
/// archive". Used by the PyTorch checkpoint reader (io/torch_checkpoint.hpp).
std::map<std::string, std::string> parse_zip_members(const std::string& bytes, const std::string& what = "archive");

/// Reads an .npz file.
std::map<std::string, NpyArray> read_npz(const std::string& path);

}  // namespace cogo
