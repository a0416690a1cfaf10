// Fuzz harness: the model-spec parser (family::parse_model: the text form
// "data=exp(c=0.5) latent=rayleigh gen=square disc=erf cost=ls" and the JSON form) and the
// players' domain check (family::validate_players). "@FILE" inputs are skipped: reading files
// is not the parser. Either a spec or arith::bad_parameter naming the argument; an accepted
// spec must print canonically and parse back to the same canonical text and JSON.
#include <cctype>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <stdexcept>
#include <string>

#include "gancert/arith/errors.hpp"
#include "gancert/family/spec.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string s(reinterpret_cast<const char*>(data), size);
    std::size_t first = 0;
    while (first < s.size() && std::isspace(static_cast<unsigned char>(s[first]))) ++first;
    if (first < s.size() && s[first] == '@') return 0;  // @FILE: the file reader, not fuzzed here
    gancert::family::ModelSpec m;
    try {
        m = gancert::family::parse_model(s);
    } catch (const gancert::arith::bad_parameter&) {
        return 0;
    }
    // round trip: the canonical text and the JSON form parse back to the same spec
    const std::string text = gancert::family::canonical(m);
    const std::string json = gancert::family::to_json(m).dump();
    if (gancert::family::canonical(gancert::family::parse_model(text)) != text) std::abort();
    if (gancert::family::canonical(gancert::family::parse_model(json)) != text) std::abort();
    // the players' domain check with the input's first bytes as h (a bad θ is bad_parameter)
    try {
        gancert::family::validate_players(m, {"1", "-0.5", "2", s.substr(0, 12)});
    } catch (const gancert::arith::bad_parameter&) {
    }
    return 0;
}
