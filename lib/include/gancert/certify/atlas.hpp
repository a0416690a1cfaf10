// gancert/certify/atlas.hpp — the atlas claim: a box partitioned into certified regions
// (issue 10, item 6; docs/atlas.md).
//
// The atlas is a claim (kind "atlas", with eps, delta, level) run by the ordinary engine, so
// budgets, threads, MPI, --resume and `gancert verify` apply unchanged. Every leaf gets the
// first classification of this list that its box admits at the analysed precision:
//
//   1. plateau          ‖∇J‖∞ <= eps and |J − level| <= delta on the box   (evidence "plateau")
//   2. min / max / saddle  ∇J has exactly one zero in the box (Krawczyk, §K2) and ∇²J has a
//                       certified inertia there (§K3); taken only for boxes at least
//                       atlas_point_depth(n) bisections deep, so that the point is located
//                       and the rest of its box still classified         (evidence "unique")
//   3. monotone         some partials ∂_iJ have a fixed sign on the box; every such partial is
//                       recorded with its sign (e.g. "∂h<0, ∂g<0")          (evidence "monotone")
//   4. nonstationary    ∇J has no zero in the box (Krawczyk K(B) ∩ B = ∅) but no partial has a
//                       certified sign                                     (evidence "empty")
//   5. stationary-line  R/S/E/E only: the box meets the stationary line L_c (lemma S7; its
//                       points are degenerate saddles); depth rule as for 2
//                                                                          (evidence "stationary-line")
//   6. unknown          none of these after the minimum width, the precision budget or a
//                       time / leaf budget; the leaf's reason says which    (evidence "unknown")
//
// Resolution: a box shallower than atlas_point_depth(n) whose enclosures do not rule out
// plateau points (J meets [level − delta, level + delta], every ∂_iJ meets [−eps, eps]) is
// bisected rather than given class 2–5, so plateau regions are resolved to that depth.
// 2 and 3 exclude each other (a fixed-sign partial has no zero), as do 3 and 5. Plateau comes
// first because it is the only statement about the values of J; a plateau box may contain
// stationary points or be monotone as well.
// The summary adds "regions": per region class (and per monotone sign pattern) the number of
// leaves, the exact decimal volume and the fraction of the root box; the volumes of all
// classes sum exactly to the root volume ("total_volume") on a complete tiling.
//
// Contract: a leaf's class is proven by its recorded enclosures (lemmas §K1–§K3, S7) or it is
// "unknown" with its reason; region volumes are exact decimals. atlas_claim throws
// arith::bad_input naming the option for malformed or non-positive tolerances.
#pragma once
#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "gancert/certify/box.hpp"
#include "gancert/certify/claim.hpp"

namespace gancert::certify {

/// Defaults of the atlas claim (exact decimals): eps = 1e-2, delta = 1e-2, level = 1 (the value
/// of J where the discriminator saturates, D ≡ 0 or D ≡ 1).
inline constexpr const char* atlas_default_eps = "1e-2";
inline constexpr const char* atlas_default_delta = "1e-2";
inline constexpr const char* atlas_default_level = "1";

/// The atlas claim from the command-line texts (empty: the default). Throws arith::bad_input
/// naming --eps / --delta / --level for malformed or non-positive values.
Claim atlas_claim(const std::string& eps, const std::string& delta, const std::string& level);

/// Bisection depth from which a box with a unique stationary point, or meeting L_c, is a region
/// of its class: 4 per dimension (about 1/16 of the root per side). Shallower boxes are bisected.
inline std::size_t atlas_point_depth(std::size_t dims) { return 4 * dims; }

/// The region class of an atlas leaf: "plateau", "min", "max", "saddle", "monotone",
/// "nonstationary", "stationary-line", "unknown" (a unique leaf without certified type, which
/// the analyser never writes, is "unknown").
std::string atlas_region(const nlohmann::json& leaf);

/// The sign pattern of a monotone leaf with the variable names, e.g. "∂h<0, ∂g<0" (in the
/// order of the names); empty for other leaves.
std::string atlas_pattern(const nlohmann::json& leaf, const std::vector<std::string>& names);

/// Per-class tally of an atlas certificate's leaves (ClaimAccumulator, summary "regions").
class AtlasTally {
public:
    AtlasTally(Box root, std::vector<std::string> names) : root_(std::move(root)), names_(std::move(names)) {}
    void add(const nlohmann::json& leaf, const Box& B);
    /// {"total_volume", "classes": {class: {"leaves", "volume", "fraction"}},
    ///  "monotone_patterns": {pattern: {...}}}; volumes exact decimals, fractions doubles.
    nlohmann::json summary() const;
    /// One line: "plateau 12.5 %, monotone 80 %, ..." (non-empty classes, fixed order).
    std::string text() const;

private:
    struct Entry {
        std::size_t leaves = 0;
        Decimal volume;
    };
    Box root_;
    std::vector<std::string> names_;
    std::map<std::string, Entry> classes_, patterns_;
    static nlohmann::json entries(const std::map<std::string, Entry>& m, const Decimal& total);
};

}  // namespace gancert::certify
