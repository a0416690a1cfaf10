// gancert/certify/leaf_evidence.hpp — the typed evidence record of one certificate leaf.
//
// The prover's evidence units build a LeafEvidence, the verifier's re-check units consume one;
// JSON appears only at the file boundary (to_json / leaf_evidence_from_json, evidence_json.cpp).
// One alternative per evidence kind of a box-based certificate (claim.hpp: ev_*; the
// stationary-set claim has its own records, stationary_set.hpp).
//
// Recorded numbers are kept as the exact decimal text written to the file (RecordedInterval,
// decimal strings), so that writing a record read from a file gives the same bytes. The strict
// reader guarantees every such text is a finite exact decimal and every interval has lo <= hi.
//
// Contract: leaf_evidence_from_json accepts exactly the objects to_json writes (plus the leaf's
// own "path" and "box", which are the engine's, not the evidence's) and throws
// std::runtime_error naming the field for a missing field, an unknown field, a wrong type, or a
// malformed / non-finite decimal. Nothing here checks that the evidence is *true*: that is
// check_leaf (evidence.hpp) and the independent verifier (verify/independent.hpp).
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace gancert::certify {

/// A recorded enclosure [lo, hi] as exact decimal text (finite, lo <= hi after reading).
struct RecordedInterval {
    std::string lo, hi;
    bool operator==(const RecordedInterval&) const = default;
};

/// Some ∂_iJ(B) excludes 0 (§K1 forms, or the model's sign bounds when `bounds_form`).
struct ExcludedEvidence {
    std::size_t index = 0;
    int sign = 0;
    bool bounds_form = false;  // "form": "bounds"
    RecordedInterval grad;
    bool operator==(const ExcludedEvidence&) const = default;
};

/// The lemmas of proofs/lemmas.md a lemma leaf may cite.
enum class LemmaId { S1, S2, S8a, S8b, S9, S10, S11, S12, S13, S14, S15, S16, S17, S18, S19 };
const char* lemma_name(LemmaId id);

/// An analytic lemma with its hypotheses checked on the leaf (evidence_lemma.cpp).
struct LemmaEvidence {
    LemmaId lemma = LemmaId::S1;
    std::vector<std::string> hypotheses;
    std::string conclusion;
    std::optional<std::size_t> index;  // S1, S2, S8, S12, S14, S16, S18, S19: the partial of fixed sign
    std::optional<int> sign;
    std::optional<RecordedInterval> base, remainder;  // S8a, S8b, S12 (S12: scaled by e^{M²}), S16, S18, S19
    std::optional<std::string> T;                     // S9: the saturation threshold
    std::optional<std::string> tau;                   // S11
    std::optional<RecordedInterval> J;                // S9, S11
    std::vector<RecordedInterval> grad;               // S9, S11 (one per free variable)
    std::optional<std::string> s;                     // S12: the tail split point
    bool operator==(const LemmaEvidence&) const = default;
};

/// Krawczyk uniqueness K(B) ⊂ int B (§K2) with the certified inertia (§K3) when decided.
struct UniqueEvidence {
    std::vector<std::string> Y, Q;                   // n×n row-major, exact decimals
    std::vector<std::optional<RecordedInterval>> K;  // null where K_i was not finite
    std::string type;                                // type_of(...) or "undetermined"
    std::optional<std::pair<int, int>> inertia;      // (#positive, #negative) eigenvalues
    bool operator==(const UniqueEvidence&) const = default;
};

/// Krawczyk emptiness K(B) ∩ B = ∅ (§K2).
struct EmptyEvidence {
    std::vector<std::string> Y;
    std::vector<std::optional<RecordedInterval>> K;
    bool operator==(const EmptyEvidence&) const = default;
};

/// ‖∇J‖∞ <= eps and |J − level| <= delta on the box (§K1 forms).
struct PlateauEvidence {
    std::vector<RecordedInterval> grad;
    RecordedInterval J;
    bool operator==(const PlateauEvidence&) const = default;
};

/// A certified violation of the plateau bound at the box midpoint (index −1: J).
struct ViolatesEvidence {
    int index = 0;
    std::vector<std::string> point;
    RecordedInterval value;
    bool operator==(const ViolatesEvidence&) const = default;
};

/// One coordinate fixed in a face round of the extrema reduction (§K5).
struct FaceStep {
    std::size_t index = 0;
    int side = 0;  // 1: upper face, 0: lower face
    RecordedInterval grad;
    bool operator==(const FaceStep&) const = default;
};

/// One extremum (max or min) of the extrema claim on a leaf (evidence_extrema.cpp).
struct ExtremumSide {
    std::vector<std::vector<FaceStep>> faces;
    std::string kind;  // "vertex", "isolated", "face"
    RecordedInterval J, point;
    // isolated only:
    std::optional<std::vector<std::pair<std::string, std::string>>> Z;
    std::optional<std::vector<std::string>> Y, Q;
    std::optional<std::vector<RecordedInterval>> K;
    bool operator==(const ExtremumSide&) const = default;
};

struct BoundedEvidence {
    ExtremumSide max, min;
    bool operator==(const BoundedEvidence&) const = default;
};

/// Atlas: the partials of fixed sign (0: not decided), each from the "box" or "bounds" form.
struct MonotoneEvidence {
    std::vector<int> signs;
    std::vector<std::optional<RecordedInterval>> grad;
    std::vector<std::optional<std::string>> form;
    bool operator==(const MonotoneEvidence&) const = default;
};

/// Lemma S7: the box meets the stationary line L_c (stationary_set.cpp).
struct StationaryLineEvidence {
    std::string c, type, conclusion;
    std::vector<std::string> hypotheses;
    bool operator==(const StationaryLineEvidence&) const = default;
};

/// Undecided: proves nothing.
struct UnknownEvidence {
    std::string reason;
    bool operator==(const UnknownEvidence&) const = default;
};

using EvidenceKind = std::variant<ExcludedEvidence, LemmaEvidence, UniqueEvidence, EmptyEvidence, PlateauEvidence,
                                  ViolatesEvidence, BoundedEvidence, MonotoneEvidence, StationaryLineEvidence,
                                  UnknownEvidence>;

/// The evidence of one leaf: the precision it was decided at and its kind.
struct LeafEvidence {
    unsigned bits = 53;
    EvidenceKind kind;
    bool operator==(const LeafEvidence&) const = default;
    template <class T>
    const T* get() const { return std::get_if<T>(&kind); }
};

/// The ev_* name of the record's kind ("excluded", "lemma", ...).
const char* evidence_name(const LeafEvidence& e);

/// The record as the JSON object of a leaf line (without "path" and "box").
nlohmann::json to_json(const LeafEvidence& e);
/// Strict reader (see the contract above); throws std::runtime_error naming the field.
LeafEvidence leaf_evidence_from_json(const nlohmann::json& leaf);

}  // namespace gancert::certify
