// Test support for the lemma-leaf tests: the no-stationary claim, a planted copy of a leaf and
// the leaf the certifier makes for a box.
#pragma once
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "gancert/certify/box.hpp"
#include "gancert/certify/claim.hpp"
#include "gancert/certify/evidence.hpp"

namespace leaf_support {

inline gancert::certify::Claim no_stationary() {
    return gancert::certify::Claim{gancert::certify::ClaimKind::no_stationary, {}, {}, {}};
}

/// A copy of leaf l with field key set to value (a planted fault).
inline nlohmann::json with(nlohmann::json l, const char* key, nlohmann::json value) {
    l[key] = std::move(value);
    return l;
}

/// The leaf the certifier makes for B (a final leaf is required).
inline nlohmann::json decide(const gancert::certify::BoxFunction& f, const gancert::certify::Box& B) {
    auto d = gancert::certify::analyse_box(f, B, no_stationary(), 53, nullptr);
    REQUIRE(d.kind == gancert::certify::BoxDecision::final_leaf);
    return gancert::certify::to_json(*d.evidence);
}

}  // namespace leaf_support
