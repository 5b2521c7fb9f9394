#pragma once
/// \file error.hpp
/// The small exception hierarchy of cogo. Library code throws these; only the CLI catches them and
/// maps them to exit codes (docs/architecture.md): InvalidInput -> 2, ResourceLimit -> 3.
/// A false mathematical identity is never an exception: it is a verdict.
#include <stdexcept>
#include <string>

namespace cogo {

/// Base of every error cogo throws on purpose.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// Bad input from the user or caller: invalid group order, mismatched shapes, malformed files. Exit code 2.
class InvalidInput : public Error {
public:
    using Error::Error;
};

/// Two objects whose shapes do not fit together (matrix sizes, node counts, groups).
class ShapeMismatch : public InvalidInput {
public:
    using InvalidInput::InvalidInput;
};

/// Two number fields that cannot be combined (a lift to a field the value does not embed in).
class FieldMismatch : public InvalidInput {
public:
    using InvalidInput::InvalidInput;
};

/// Division by an exact zero.
class DivisionByZero : public Error {
public:
    using Error::Error;
};

/// A computation that would exceed a resource limit (time, memory, field size). Exit code 3.
class ResourceLimit : public Error {
public:
    using Error::Error;
};

/// A cyclotomic field Q(zeta_N) beyond the size the tool builds (N > Cyclotomic::max_field_order): a
/// resource limit (exit code 3), not bad input.
class FieldTooLarge : public ResourceLimit {
public:
    using ResourceLimit::ResourceLimit;
};

}  // namespace cogo
