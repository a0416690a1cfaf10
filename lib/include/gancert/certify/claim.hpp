// gancert/certify/claim.hpp — the claims the certifier proves over a box, and leaf evidence.
//
// Contract: tolerances are exact decimals (arith::Decimal) and are never rounded;
// parse_claim_kind throws arith::bad_input naming --claim for an unknown name.
#pragma once
#include <optional>
#include <string>

#include "gancert/arith/decimal.hpp"

namespace gancert::certify {

using arith::Decimal;  // the library's one exact-decimal type
using arith::split_point;

enum class ClaimKind { no_saddle, no_stationary, plateau, extrema, stationary_set, atlas };

/// A claim with its tolerances (exact decimals).
///  no-saddle      no stationary point of J in the box is a saddle (min/max allowed).
///  no-stationary  ∇J has no zero in the box.
///  plateau        |∂_iJ| <= eps for all i on the box and |J − level| <= delta (if no level is
///                 given, the certifier fixes one at the start and uses delta/2, which proves
///                 sup J − inf J <= delta).
///  extrema        enclosures of max J and min J over the box (faces included) with their
///                 location; target width max(delta·|value|, eps): delta relative (default
///                 1e-12), eps an optional absolute floor for values near 0. A target that is
///                 not reached (minimum width) leaves wider, still proven, enclosures.
///  stationary-set R/S/E/E only: the stationary set is exactly L_c, classified, no Nash
///                 equilibrium (lemma leaves, certify/stationary_set.hpp; not box-based).
///  atlas          every leaf is a certified region (plateau with eps/delta/level, unique
///                 stationary point with its type, monotone, ...): certify/atlas.hpp.
struct Claim {
    ClaimKind kind = ClaimKind::no_saddle;
    std::optional<Decimal> eps, delta, level;
};

std::string to_string(ClaimKind k);
/// Throws arith::bad_input naming --claim for an unknown name.
ClaimKind parse_claim_kind(const std::string& s);

/// Evidence kinds of a leaf (proofs/lemmas.md §K).
inline constexpr const char* ev_excluded = "excluded";  // some ∂_iJ(B) excludes 0
inline constexpr const char* ev_unique = "unique";      // Krawczyk K(B) ⊂ int B
inline constexpr const char* ev_empty = "empty";        // K(B) ∩ B = ∅
inline constexpr const char* ev_plateau = "plateau";    // sup|∂J| <= eps and |J − L| <= δ
inline constexpr const char* ev_violates = "violates";  // a point where the plateau bound fails
inline constexpr const char* ev_bounded = "bounded";    // J enclosures for the extrema claim
inline constexpr const char* ev_unknown = "unknown";    // undecided, with a reason
inline constexpr const char* ev_lemma = "lemma";        // a gradient sign by a lemma of §S (S1, S2, S8)
inline constexpr const char* ev_monotone = "monotone";  // atlas: the partials with a fixed sign

}  // namespace gancert::certify
