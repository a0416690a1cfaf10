// Witness-first search (witness_search.hpp): Newton candidates in double, then a descent of the
// engine's own bisection tree toward each candidate.
#include "gancert/certify/witness_search.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "gancert/certify/certificate.hpp"
#include "gancert/certify/certificate_read.hpp"
#include "gancert/certify/evidence.hpp"
#include "search_rules.hpp"

namespace gancert::certify {

using nlohmann::json;

namespace {

// Effort caps (fixed, so the search is deterministic): starting points, evaluations of the
// Newton phase in all, candidates descended, analyses per descent.
constexpr std::size_t starts = 16, newton_evaluations = 400, max_candidates = 4, descent_analyses = 400;

using Point = std::vector<double>;

Decimal decimal_of(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%.17g", v);
    return Decimal::parse(buf);
}

/// A finite point of box B: the midpoint, or one unit (at least |endpoint|) inside an
/// unbounded side.
Point representative(const Box& B) {
    Point x(B.dims());
    for (std::size_t i = 0; i < B.dims(); ++i) {
        bool fl = B.lo[i].is_finite(), fh = B.hi[i].is_finite();
        double l = fl ? B.lo[i].approx() : 0, h = fh ? B.hi[i].approx() : 0;
        x[i] = fl && fh ? 0.5 * (l + h) : fl ? l + std::max(1.0, std::fabs(l)) : fh ? h - std::max(1.0, std::fabs(h)) : 0.0;
    }
    return x;
}

/// Newton iterations for ∇J = 0 in double: floating point, only to choose where to look.
class NewtonCandidates {
public:
    NewtonCandidates(const BoxFunction& f, const Box& root) : f_(f), root_(root) {
        for (std::size_t i = 0; i < root.dims(); ++i) {
            lo_.push_back(root.lo[i].is_finite() ? root.lo[i].approx() : -HUGE_VAL);
            hi_.push_back(root.hi[i].is_finite() ? root.hi[i].approx() : HUGE_VAL);
        }
    }

    std::vector<Point> run() {
        std::vector<Point> found;
        for (const Box& b : initial_partition(root_, starts)) {
            if (evaluations_ >= newton_evaluations || found.size() >= max_candidates) break;
            auto x = converge(representative(b));
            if (!x) continue;
            bool seen = std::any_of(found.begin(), found.end(), [&](const Point& y) { return close(*x, y, 1e-6); });
            if (!seen) found.push_back(*x);
        }
        return found;
    }

private:
    struct Local {
        Eigen::VectorXd g;
        Eigen::MatrixXd H;
    };

    std::optional<Local> at(const Point& x) {
        if (evaluations_ >= newton_evaluations) return std::nullopt;
        ++evaluations_;
        for (double v : x)
            if (!std::isfinite(v)) return std::nullopt;
        std::optional<Enclosure<double>> e;
        try {
            e = f_.estimate(x);
            if (!e) {  // no floating-point path: the midpoints of the enclosure at the point
                std::vector<Decimal> d;
                for (double v : x) d.push_back(decimal_of(v));
                auto en = f_.enclose(point_intervals<arith::idouble>(d));
                e = Enclosure<double>{arith::to_double(en.J), {}, {}};
                for (const auto& v : en.g) e->g.push_back(arith::to_double(v));
                for (const auto& v : en.H) e->H.push_back(arith::to_double(v));
            }
        } catch (const arith::soundness_error&) {
            throw;
        } catch (const std::exception&) {
            return std::nullopt;  // not evaluable there: this start is abandoned
        }
        const std::size_t n = x.size();
        if (e->g.size() != n || e->H.size() != n * n) return std::nullopt;
        Local l{Eigen::VectorXd(n), Eigen::MatrixXd(n, n)};
        for (std::size_t i = 0; i < n; ++i) {
            l.g[i] = e->g[i];
            for (std::size_t j = 0; j < n; ++j) l.H(i, j) = e->hess(i, j);
        }
        if (!l.g.allFinite() || !l.H.allFinite()) return std::nullopt;
        return l;
    }

    static bool close(const Point& x, const Point& y, double rel) {
        for (std::size_t i = 0; i < x.size(); ++i)
            if (std::fabs(x[i] - y[i]) > rel * (1 + std::fabs(x[i]))) return false;
        return true;
    }

    /// Damped Newton from x inside the box (steps clamped to it); the point once the step is
    /// negligible, nullopt if it stalls or leaves the evaluable region.
    std::optional<Point> converge(Point x) {
        auto cur = at(x);
        for (int it = 0; it < 40 && cur; ++it) {
            Eigen::FullPivLU<Eigen::MatrixXd> lu(cur->H);
            if (!lu.isInvertible()) return std::nullopt;
            Eigen::VectorXd step = lu.solve(-cur->g);
            if (!step.allFinite()) return std::nullopt;
            bool accepted = false;
            for (double t = 1; t > 1.0 / 64; t /= 2) {
                Point y = x;
                for (std::size_t i = 0; i < y.size(); ++i) y[i] = std::clamp(x[i] + t * step[i], lo_[i], hi_[i]);
                auto ny = at(y);
                if (!ny) return std::nullopt;
                if (ny->g.lpNorm<Eigen::Infinity>() < cur->g.lpNorm<Eigen::Infinity>() || close(x, y, 1e-13)) {
                    bool done = close(x, y, 1e-12);
                    x = std::move(y);
                    cur = std::move(ny);
                    accepted = true;
                    if (done) return x;
                    break;
                }
            }
            if (!accepted) return std::nullopt;
        }
        return std::nullopt;
    }

    const BoxFunction& f_;
    const Box& root_;
    Point lo_, hi_;
    std::size_t evaluations_ = 0;
};

/// The engine's rules on the way from the root to the leaf holding x; the tiling if that leaf
/// refutes the claim.
std::optional<WitnessTiling> descend(const BoxFunction& f, const Box& root, const Claim& claim,
                                     const CertifyOptions& opt, const std::vector<unsigned>& ladder, const Point& x,
                                     std::size_t& analyses) {
    WitnessTiling w;
    std::vector<std::pair<Box, unsigned>> siblings;
    Box B = root;
    unsigned li = 0;
    for (std::size_t n = 0; n < descent_analyses; ++n) {
        ++analyses;
        BoxDecision d = analyse_box(f, B, claim, ladder[li], nullptr);
        if (d.kind == BoxDecision::final_leaf) {
            json ev = to_json(*d.evidence);
            if (!leaf_refutes(claim.kind, ev)) return std::nullopt;
            for (const auto& [s, bits] : siblings)
                w.records.push_back(leaf_record(s, to_json(LeafEvidence{bits, UnknownEvidence{reason_refuted}})));
            w.records.push_back(leaf_record(B, ev));
            w.depth = B.path.size();
            return w;
        }
        if (d.kind == BoxDecision::escalate && li + 1 < ladder.size()) {
            ++li;
            continue;
        }
        if (!B.bounded() && detail::beyond_unbounded_cap(B)) return std::nullopt;
        unsigned dim = detail::split_dimension(B, root, d.split_dims);
        if (B.scaled_width(dim, root) <= detail::width_floor(opt.min_width, d.reason)) return std::nullopt;
        auto [l, u] = B.bisect(dim);
        bool lower = x[dim] <= l.hi[dim].approx();
        siblings.emplace_back(lower ? std::move(u) : std::move(l), ladder[li]);
        B = lower ? std::move(l) : std::move(u);
    }
    return std::nullopt;
}

}  // namespace

bool witness_search_applies(const Claim& claim) {
    return claim.kind == ClaimKind::no_saddle || claim.kind == ClaimKind::no_stationary;
}

std::optional<WitnessTiling> find_witness(const BoxFunction& f, const Box& root, const Claim& claim,
                                          const CertifyOptions& opt) {
    if (!witness_search_applies(claim)) return std::nullopt;
    NewtonCandidates newton(f, root);
    auto candidates = newton.run();
    const auto ladder = detail::precision_ladder(opt.max_bits);
    std::size_t analyses = 0;
    for (const Point& x : candidates) {
        if (auto w = descend(f, root, claim, opt, ladder, x, analyses)) {
            w->candidates = candidates.size();
            w->analyses = analyses;
            return w;
        }
    }
    return std::nullopt;
}

std::optional<WitnessTiling> witness_completion(const BoxFunction& f, const Box& root, const Claim& claim,
                                                const CertifyOptions& opt, const std::string& path) {
    if (!opt.witness_first) return std::nullopt;
    auto w = find_witness(f, root, claim, opt);
    if (!w) return std::nullopt;
    std::set<std::string> done, mine;
    read_certificate(path, [&](std::size_t, const json& leaf) { done.insert(leaf.at("path").dump()); });
    std::vector<json> rest;
    for (json& r : w->records) {
        std::string p = r.at("path").dump();
        mine.insert(p);
        if (!done.count(p)) rest.push_back(std::move(r));
    }
    for (const auto& p : done)
        if (!mine.count(p)) return std::nullopt;  // a breadth-first run's checkpoint
    w->records = std::move(rest);
    return w;
}

}  // namespace gancert::certify
