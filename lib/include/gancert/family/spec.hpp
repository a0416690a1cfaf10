// gancert/family/spec.hpp — the model spec: which component of each kind, and its fixed
// parameters as exact decimals.
//
// Text form (canonical printing is this form, components in this order, parameters in their
// declared order):   data=exp(c=0.5) latent=rayleigh gen=square disc=erf cost=ls
// JSON form:  {"data": {"kind": "exp", "c": "0.5"}, "latent": "rayleigh", "gen": "square",
//              "disc": "logistic", "cost": "log"}   (a component as an object or as its text form;
//              a parameter as a decimal string or a JSON number, taken as its exact decimal text;
//              nested at most limits::max_model_depth levels)
// "@path" reads either form from a file (at most limits::max_model_file_bytes).
// Components (docs/model-family.md):
//   data    exp(c) | exp2(c1, c2, w1=1, w2=1) | gaussian(mu, sigma) | mixture(w, mu1, s1, mu2, s2)
//   latent  rayleigh | gaussian(mu=0, sigma=1) | uniform
//   gen     square | affine          disc  erf | logistic | indicator
//   cost    ls | log | nonsat
// Players' parameters (θ, four of them): the discriminator's two (a, b; l, r for the
// indicator), which it ascends, then the generator's (g, h), which it descends.
//
// Contract: parse_model accepts exactly the forms above with every fixed parameter a finite
// decimal in its domain (c, sigma, s1, s2 > 0; 0 < w < 1) and a compatible composition (the
// indicator only with cost=ls); otherwise arith::bad_parameter("model", message naming the
// offending token). validate_players checks θ against the composition's domain and throws
// arith::bad_parameter naming the player's parameter.
#pragma once
#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace gancert::family {

struct Component {
    std::string kind;  ///< canonical kind name, e.g. "exp"
    std::vector<std::pair<std::string, std::string>> params;  ///< declared order, exact decimals

    /// The decimal of parameter `name` (declared by the kind).
    const std::string& param(std::string_view name) const;
};

struct ModelSpec {
    Component data, latent, gen, disc, cost;
};

/// Text, JSON or "@file" (see header comment).
ModelSpec parse_model(std::string_view text);
/// The canonical text form.
std::string canonical(const ModelSpec& m);
/// The JSON form (fixed parameters as decimal strings).
nlohmann::ordered_json to_json(const ModelSpec& m);

/// The paper's model with data rate c: data=exp(c=…) latent=rayleigh gen=square disc=erf cost=ls.
ModelSpec paper_model(const std::string& c);

/// Names of θ in order (a, b, g, h or l, r, g, h).
std::array<std::string, 4> player_names(const ModelSpec& m);
/// +1: the player ascends J in this parameter (discriminator); −1: descends (generator).
inline constexpr std::array<int, 4> player_roles{+1, +1, -1, -1};

/// Largest |θ_i| validate_players accepts (a resource limit of the integral path, whose cost
/// grows with the magnitudes; docs/limits.md).
inline constexpr const char* max_player_magnitude = "1e30";

/// Checks θ (exact decimals, in player order) against the composition's domain: finite
/// decimals; logistic a > 0; square-law g ≥ 0; indicator l < r and g > 0 (square) or g ≠ 0
/// (affine); |θ_i| ≤ max_player_magnitude. Throws arith::bad_parameter naming the parameter.
void validate_players(const ModelSpec& m, const std::array<std::string, 4>& theta);

}  // namespace gancert::family
