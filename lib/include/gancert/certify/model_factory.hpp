// gancert/certify/model_factory.hpp — building the certified function from command-line input.
//
// Contract: make_model() returns a function whose enclosures contain the exact R/S/E/E cost (or
// test functor) on every sub-box of the returned root box, which is the exact decimal box asked
// for. It never guesses: any input it cannot accept (unknown name, malformed or non-finite number,
// empty range, a box leaving the domain c > 0, g >= 0) throws arith::bad_input naming the item.
#pragma once
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "gancert/certify/box.hpp"
#include "gancert/certify/box_function.hpp"

namespace gancert::certify {

struct ModelRequest {
    std::string model;      // "rsee", a test functor name or a model spec of the family (family/spec.hpp)
    std::string case_name;  // "A" / "B" / "" (rsee)
    std::string params;     // "a=..,b=..,g=..,h=..,c=.." (rsee; overrides the case values)
    std::map<std::string, std::pair<std::string, std::string>> ranges;  // free variable -> lo, hi
};

struct ModelSetup {
    std::unique_ptr<BoxFunction> function;
    Box root;
    std::string box_text;  // "b in [-6, 6], h in [-6, 6]"
};

/// The items of a list separated by `sep` ("a=1,b=2" -> {"a=1", "b=2"}); empty items kept.
std::vector<std::string> split_list(const std::string& s, char sep);

/// ModelSetup::box_text of a root box: "b in [-6, 6], h in [-6, 6]" (exact endpoints).
std::string box_text(const std::vector<std::string>& names, const Box& root);

/// Validates everything (unknown parameter names, malformed numbers, lo >= hi, a box leaving
/// the domain: c <= 0 or g < 0) and throws arith::bad_input naming the offending item.
ModelSetup make_model(const ModelRequest& req);

/// The R/S/E/E cost as a box function of the free parameters `free` (subset of a,b,g,h in
/// this order) with the others fixed at exact decimals. Throws arith::bad_input if the
/// evaluator is not built into this binary.
std::unique_ptr<BoxFunction> make_rsee_function(const std::map<std::string, std::string>& fixed,
                                                const std::vector<std::string>& free);

/// Whether `model` is a model spec of the family (text with '=', JSON or @file) rather than
/// the name "rsee" or a test functor.
bool is_family_spec(const std::string& model);

/// make_model for a model spec (family/spec.hpp): the free variables are the players in the
/// box (in player order), the other players fixed by `params` (name=value, exact decimals);
/// the root box must be bounded and inside the composition's domain (logistic a > 0,
/// square-law g >= 0, indicator l < r and g > 0 / g != 0). Throws arith::bad_parameter naming
/// "model" (the spec), "params", "box" or "case" (the paper's case is the rsee model).
ModelSetup make_family_model(const ModelRequest& req);

/// A model of the family as a box function of the players `free` (player order), the others
/// fixed at exact decimals; describe() = {"model": "family", "spec": canonical text,
/// "fixed": {...}, "free": [...]}. Throws arith::bad_parameter for a bad spec or players.
std::unique_ptr<BoxFunction> make_family_function(const std::string& spec, const std::map<std::string, std::string>& fixed,
                                                  const std::vector<std::string>& free);

}  // namespace gancert::certify
