// gancert/arith/errors.hpp — the library's the exception types that callers must tell apart:
// bad_input (and bad_parameter, naming one parameter) for the caller's input, write_error for a
// failed output, soundness_error
// for a contradiction between enclosures (a bug, never an "unknown").
//
// Contract: bad_input is the only exception for the caller's input; soundness_error is never
// caught below main()/the Python binding and never becomes an "unknown".
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

namespace gancert::arith {

/// Thrown for malformed or out-of-domain user input (bad numbers, precision out of range,
/// parameters outside the model's domain, …). The message names the offending argument.
/// The CLI maps it to exit status 2.
class bad_input : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

/// A write to an output failed (full disk, /dev/full, closed pipe, unwritable directory); the
/// message names the output and the file. The CLI maps it to exit status 1, the Python binding
/// to OSError. Not bad input: the request was valid.
class write_error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// bad_input about one named parameter ("c", "step_size", "digits"): what() is
/// "parameter: message". Lower layers name parameters, never command-line flags; the CLI
/// reports parameter() as the option --parameter (underscores as dashes), the Python
/// binding shows what() as it is.
class bad_parameter : public bad_input {
public:
    bad_parameter(const std::string& parameter, const std::string& message)
        : bad_input(parameter + ": " + message), parameter_(parameter), message_(message) {}
    const std::string& parameter() const noexcept { return parameter_; }
    const std::string& message() const noexcept { return message_; }

private:
    std::string parameter_, message_;
};

/// The bad_parameter for a message about `what`, which is a parameter name optionally followed
/// by a detail ("box a (lower bound)", "params c"): parameter() is the first word, the detail
/// (if any) leads the message. Lets value parsers (arith::parse, Decimal::parse) name the
/// parameter they were given without knowing the caller's interface.
inline bad_parameter named_error(std::string_view what, const std::string& message) {
    const std::size_t sp = what.find(' ');
    std::string parameter(what.substr(0, sp));
    std::string detail = sp == std::string_view::npos ? std::string() : std::string(what.substr(sp + 1));
    return bad_parameter(parameter, detail.empty() ? message : detail + ": " + message);
}

/// Thrown when two enclosures of one exact value are disjoint (or an enclosure contradicts a
/// proven bound): a bug in a bound, never a property of the input. Nothing below the CLI's
/// main() or the Python binding catches it; in particular the certifier never turns it into an
/// `unknown` leaf or an escalation. The CLI maps it to exit status 1 with "soundness failure".
class soundness_error : public std::logic_error {
public:
    using std::logic_error::logic_error;
};

}  // namespace gancert::arith
