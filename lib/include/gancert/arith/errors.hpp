// gancert/arith/errors.hpp — the library's two exception types that callers must tell apart.
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

/// Thrown when two enclosures of one exact value are disjoint (or an enclosure contradicts a
/// proven bound): a bug in a bound, never a property of the input. Nothing below the CLI's
/// main() or the Python binding catches it; in particular the certifier never turns it into an
/// `unknown` leaf or an escalation. The CLI maps it to exit status 1 with "soundness failure".
class soundness_error : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

}  // namespace gancert::arith
