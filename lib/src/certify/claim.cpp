#include "gancert/certify/claim.hpp"

#include "gancert/arith/decimal.hpp"

namespace gancert::certify {

std::string to_string(ClaimKind k) {
    switch (k) {
        case ClaimKind::no_saddle: return "no-saddle";
        case ClaimKind::no_stationary: return "no-stationary";
        case ClaimKind::plateau: return "plateau";
        case ClaimKind::extrema: return "extrema";
        case ClaimKind::stationary_set: return "stationary-set";
        case ClaimKind::atlas: return "atlas";
    }
    return "?";
}

ClaimKind parse_claim_kind(const std::string& s) {
    if (s == "no-saddle") return ClaimKind::no_saddle;
    if (s == "no-stationary") return ClaimKind::no_stationary;
    if (s == "plateau") return ClaimKind::plateau;
    if (s == "extrema") return ClaimKind::extrema;
    if (s == "stationary-set") return ClaimKind::stationary_set;
    if (s == "atlas") return ClaimKind::atlas;
    throw arith::bad_parameter("claim", "unknown claim '" + s +
                           "' (expected no-saddle, no-stationary, plateau, extrema, stationary-set or atlas)");
}

}  // namespace gancert::certify
