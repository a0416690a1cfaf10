// Box analysis and leaf re-checking (see evidence.hpp; bounds in proofs/lemmas.md §K): the
// dispatch by claim and evidence kind over the units evidence_{stationary,plateau,extrema}.cpp.
#include "gancert/certify/evidence.hpp"

#include <stdexcept>

#include "evidence_support.hpp"
#include "evidence_units.hpp"
#include "gancert/certify/stationary_set.hpp"

namespace gancert::certify {
namespace {

using arith::idouble;
using arith::impfr;
using detail::Pass;

template <class S>
BoxDecision analyse(const BoxFunction& f, const Box& B, const Claim& c, unsigned bits, Incumbents* inc) {
    switch (c.kind) {
        case ClaimKind::no_saddle:
        case ClaimKind::no_stationary: return detail::analyse_stationary<S>(f, B, c, bits);
        case ClaimKind::plateau: return detail::analyse_plateau<S>(f, B, c, bits);
        case ClaimKind::extrema: return detail::analyse_extrema<S>(f, B, c, bits, inc);
        case ClaimKind::atlas: return detail::analyse_atlas<S>(f, B, c, bits);
        case ClaimKind::stationary_set: break;  // not box-based (stationary_set.cpp)
    }
    throw std::logic_error("unknown claim");
}

template <class S>
void recheck(const BoxFunction& f, const Box& B, const Claim& c, const LeafEvidence& leaf, Pass pass) {
    const std::string ev = evidence_name(leaf);
    if (leaf.get<UnknownEvidence>()) return;
    if (leaf.get<LemmaEvidence>()) return detail::recheck_lemma(f, B, c, leaf);
    if (!B.bounded() && !leaf.get<StationaryLineEvidence>())  // only lemmas (and S7) reach unbounded leaves
        throw std::runtime_error("evidence '" + ev + "' on an unbounded leaf");
    if (c.kind == ClaimKind::atlas) return detail::recheck_atlas<S>(f, B, c, leaf, pass);
    if (leaf.get<StationaryLineEvidence>() || leaf.get<ExcludedEvidence>() || leaf.get<UniqueEvidence>() ||
        leaf.get<EmptyEvidence>())
        return detail::recheck_stationary<S>(f, B, c, leaf, pass);
    if (leaf.get<PlateauEvidence>() || leaf.get<ViolatesEvidence>()) return detail::recheck_plateau<S>(f, B, c, leaf, pass);
    if (leaf.get<BoundedEvidence>()) return detail::recheck_extrema<S>(f, B, c, leaf, pass);
    throw std::runtime_error("evidence '" + ev + "' does not belong to this claim");
}

}  // namespace

void Incumbents::offer_max_lo(double v) {
    double cur = max_lo.load();
    while (v > cur && !max_lo.compare_exchange_weak(cur, v)) {}
}
void Incumbents::offer_min_hi(double v) {
    double cur = min_hi.load();
    while (v < cur && !min_hi.compare_exchange_weak(cur, v)) {}
}

BoxDecision analyse_box(const BoxFunction& f, const Box& B, const Claim& c, unsigned bits, Incumbents* inc) {
    try {
        if (bits <= 53) return analyse<idouble>(f, B, c, 53, inc);
        arith::precision_guard guard(bits);
        return analyse<impfr>(f, B, c, bits, inc);
    } catch (const arith::soundness_error&) {
        throw;  // an unsound enclosure is a bug, never a reason to escalate
    } catch (const std::exception& e) {
        return {BoxDecision::escalate, {}, std::string("evaluation failed: ") + e.what()};
    }
}

std::optional<std::string> check_leaf(const BoxFunction& f, const Box& B, const Claim& c, const LeafEvidence& leaf,
                                      unsigned bits) {
    try {
        unsigned recorded = leaf.bits;
        if (recorded < 53 || recorded > arith::max_precision_bits) return "invalid precision";
        auto pass_at = [&](unsigned use, Pass pass) {
            if (use <= 53) {
                recheck<idouble>(f, B, c, leaf, pass);
            } else {
                arith::precision_guard guard(use);
                recheck<impfr>(f, B, c, leaf, pass);
            }
        };
        pass_at(recorded, Pass::replay);
        if (bits > recorded) pass_at(bits, Pass::cross);
        return std::nullopt;
    } catch (const arith::soundness_error&) {
        throw;
    } catch (const std::exception& e) {
        return e.what();
    }
}

std::optional<std::string> check_leaf(const BoxFunction& f, const Box& B, const Claim& c, const nlohmann::json& leaf,
                                      unsigned bits) {
    LeafEvidence e;
    try {
        e = leaf_evidence_from_json(leaf);
    } catch (const std::exception& ex) {
        return ex.what();
    }
    return check_leaf(f, B, c, e, bits);
}

}  // namespace gancert::certify
