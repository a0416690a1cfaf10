// A certifier request from the caller's text (api/certify.hpp).
#include "gancert/api/certify.hpp"

#include <string>
#include <utility>

#include "gancert/api/box.hpp"
#include "gancert/arith/decimal.hpp"
#include "gancert/arith/errors.hpp"
#include "gancert/certify/atlas.hpp"

namespace gancert::api {

CertifyProblem certify_problem(const CertifyRequest& r) {
    using namespace gancert::certify;
    const auto ranges = box_ranges(parse_box(r.box));
    Claim claim;
    claim.kind = parse_claim_kind(r.claim);
    if (claim.kind == ClaimKind::stationary_set)
        throw arith::bad_parameter("claim", "stationary-set is certified by its own lemma path (certify_stationary_set)");
    if (claim.kind == ClaimKind::no_saddle || claim.kind == ClaimKind::no_stationary) {
        // these claims have no tolerance: an ignored option would be recorded in the certificate
        for (auto [given, name] : {std::pair{&r.eps, "eps"}, {&r.delta, "delta"}, {&r.level, "level"}})
            if (!given->empty())
                throw arith::bad_parameter(name, std::string("not used by the ") + to_string(claim.kind) +
                                                     " claim (only plateau, extrema and atlas)");
    }
    if (!r.eps.empty()) claim.eps = Decimal::parse(r.eps, "eps");
    if (!r.delta.empty()) claim.delta = Decimal::parse(r.delta, "delta");
    if (!r.level.empty()) claim.level = Decimal::parse(r.level, "level");
    if (claim.kind == ClaimKind::atlas) claim = atlas_claim(r.eps, r.delta, r.level);  // see `gancert atlas`
    CertifyProblem p{make_model(ModelRequest{r.model, r.case_name, r.params, ranges}), {}};
    p.claim = resolve_claim(*p.setup.function, p.setup.root, claim);
    return p;
}

std::string verdict_line(const certify::CertifyResult& result, const CertifyProblem& problem) {
    return result.verdict + " — claim " + to_string(problem.claim.kind) + " over " + problem.setup.box_text;
}

}  // namespace gancert::api
