#pragma once
/// \file element_json.hpp
/// Exact JSON form of semi-ring elements over Q(zeta_N) (the "element" object of
/// src/verify/certificate_format.md) and of stand-alone element files ("cogo-element", version 1):
///   {"format": "cogo-element", "version": 1, "group": [d1, ...], "field": N,
///    "description": "...", "parameters": {...}, "element": {"order": q, "nodes": [...]}}
/// Every number is an array of rational strings: coefficients of zeta_N^0, zeta_N^1, ...
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "algebra/element.hpp"
#include "scalar/cyclotomic.hpp"

namespace cogo {

/// lcm of the field orders of all entries (1 for an element with rational entries or no nodes).
unsigned long common_field(const Element<Cyclotomic>& z);

/// The coefficient array of v in Q(zeta_N) (v's field order must divide N).
nlohmann::json exact_to_json(const Cyclotomic& v, unsigned long N);

/// Parses a coefficient array in Q(zeta_N); throws InvalidInput if malformed.
Cyclotomic exact_from_json(const nlohmann::json& j, unsigned long N, const std::string& what);

/// {"order": q, "nodes": [{"a": [[k, value], ...], "b": [...], "c": [...]}, ...]} with values in Q(zeta_N).
nlohmann::json element_to_json(const Element<Cyclotomic>& z, unsigned long N);

/// Parses the "element" object; throws InvalidInput (or ShapeMismatch) if malformed.
Element<Cyclotomic> element_from_json(const AbelianGroup& group, const nlohmann::json& j, unsigned long N);

/// A complete "cogo-element" document.
std::string element_file_text(const Element<Cyclotomic>& z, const std::string& description,
                              const nlohmann::json& parameters);

/// Parses a "cogo-element" document (or a certificate, whose element it takes) given as JSON text; `what`
/// names the source in messages. Throws InvalidInput (ShapeMismatch, FieldMismatch) if malformed.
[[nodiscard]] Element<Cyclotomic> parse_element_document(const std::string& text, const std::string& what);

/// Reads a "cogo-element" document (or a certificate, whose element it takes); throws InvalidInput. The
/// file is read with bounded_read.hpp: at most kMaxJsonInputBytes (ResourceLimit beyond), no NUL bytes,
/// open/read errors naming the file and the reason.
Element<Cyclotomic> read_element_file(const std::string& path);

}  // namespace cogo
