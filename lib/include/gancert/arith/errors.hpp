// gancert/arith/errors.hpp — the library's exception for malformed user input.
#pragma once
#include <stdexcept>

namespace gancert::arith {

/// Thrown for malformed or out-of-domain user input (bad numbers, precision out of range,
/// parameters outside the model's domain, …). The message names the offending argument.
/// The CLI maps it to exit status 2.
class bad_input : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

}  // namespace gancert::arith
