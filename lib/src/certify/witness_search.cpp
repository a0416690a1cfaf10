// Witness-first search (witness_search.hpp): Levenberg–Marquardt candidates in double, then a descent of the
// engine's own bisection tree toward each candidate.
#include "gancert/certify/witness_search.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>

#include "gancert/certify/certificate.hpp"
#include "gancert/certify/certificate_read.hpp"
#include "gancert/certify/evidence.hpp"
#include "gancert/certify/stop.hpp"
#include "search_rules.hpp"

namespace gancert::certify {

using nlohmann::json;

namespace {

// Effort caps (fixed, so the search is deterministic): starting points (the cells of a fixed
// partition of the box; the iterations start from those with the smallest |∇J| first),
// evaluations per start and in all, candidates descended, analyses per descent.
// A function without a floating-point estimate() is evaluated through enclosures (much dearer):
// it gets the smaller total.
constexpr std::size_t starts = 64, per_start_evaluations = 80, newton_evaluations = 2400,
                      enclosure_evaluations = 400, max_candidates = 4, descent_analyses = 400;

using Point = std::vector<double>;

/// The search's share of the run's wall-clock budget: at most a quarter of --time-limit (the
/// breadth-first run gets the rest), and none once SIGINT/SIGTERM asked the run to stop. A
/// search cut short finds no witness; the breadth-first run then decides the claim.
class SearchClock {
public:
    explicit SearchClock(double time_limit)
        : limited_(time_limit > 0),
          end_(std::chrono::steady_clock::now() +
               std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                   std::chrono::duration<double>(time_limit > 0 ? time_limit / 4 : 0))) {}
    bool expired() const { return stop_requested() || (limited_ && std::chrono::steady_clock::now() >= end_); }

private:
    bool limited_;
    std::chrono::steady_clock::time_point end_;
};

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

/// Approximate zeros of ∇J in double: floating point, only to choose where to look.
class NewtonCandidates {
public:
    NewtonCandidates(const BoxFunction& f, const Box& root, const SearchClock& clock) : f_(f), root_(root), clock_(clock) {
        for (std::size_t i = 0; i < root.dims(); ++i) {
            lo_.push_back(root.lo[i].is_finite() ? root.lo[i].approx() : -HUGE_VAL);
            hi_.push_back(root.hi[i].is_finite() ? root.hi[i].approx() : HUGE_VAL);
        }
    }

    /// Approximate zeros of ∇J, those with the largest Hessian first (a stationary point on
    /// a plateau, where ∇²J is as small as ∇J, is the hardest to isolate).
    std::vector<Point> run() {
        struct Start {
            Point x;
            double g;
        };
        std::vector<Start> order;
        for (const Box& b : initial_partition(root_, starts)) {
            Point x = representative(b);
            auto l = at(x);
            if (!l) continue;
            Eigen::FullPivLU<Eigen::MatrixXd> lu(l->H);
            if (!lu.isInvertible()) continue;
            Eigen::VectorXd step = lu.solve(l->g);
            double key = 0;  // Newton step relative to the cell's size
            for (std::size_t i = 0; i < x.size(); ++i) {
                double w = b.lo[i].is_finite() && b.hi[i].is_finite() ? b.hi[i].approx() - b.lo[i].approx()
                                                                       : 1 + std::fabs(x[i]);
                key = std::max(key, std::fabs(step[i]) / w);
            }
            if (std::isfinite(key)) order.push_back({x, key});
        }
        std::stable_sort(order.begin(), order.end(), [](const Start& p, const Start& q) { return p.g < q.g; });  // g: the key
        std::vector<std::pair<Point, double>> found;  // point, |∇²J|
        for (const Start& s : order) {
            if (evaluations_ >= budget()) break;
            std::size_t cap = evaluations_ + per_start_evaluations;
            auto x = converge(s.x, cap);
            if (!x) continue;
            bool seen = std::any_of(found.begin(), found.end(), [&](const auto& y) { return close(x->first, y.first, 1e-6); });
            if (!seen) found.push_back(*x);
        }
        std::stable_sort(found.begin(), found.end(), [](const auto& p, const auto& q) { return p.second > q.second; });
        std::vector<Point> r;
        for (std::size_t i = 0; i < found.size() && i < max_candidates; ++i) r.push_back(found[i].first);
        return r;
    }

private:
    struct Local {
        Eigen::VectorXd g;
        Eigen::MatrixXd H;
    };

    std::size_t budget() const { return estimated_ ? newton_evaluations : enclosure_evaluations; }

    std::optional<Local> at(const Point& x) {
        if (evaluations_ >= budget()) return std::nullopt;
        if (clock_.expired()) {  // no further evaluation: the search ends with what it has
            evaluations_ = budget();
            return std::nullopt;
        }
        ++evaluations_;
        for (double v : x)
            if (!std::isfinite(v)) return std::nullopt;
        std::optional<Enclosure<double>> e;
        try {
            e = f_.estimate(x);
            if (evaluations_ == 1) estimated_ = e.has_value();
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

    /// Levenberg–Marquardt on ½|∇J|² from x, steps clamped to the box: the point and |∇²J|
    /// once the step is negligible and ∇J is small next to ∇²J·step scale; nullopt if it stalls,
    /// runs out of evaluations (cap) or leaves the evaluable region.
    std::optional<std::pair<Point, double>> converge(Point x, std::size_t cap) {
        auto cur = at(x);
        if (!cur) return std::nullopt;
        const std::size_t n = x.size();
        double mu = 1e-3 * std::max(cur->H.cwiseAbs().maxCoeff(), 1e-300);
        mu *= mu;
        while (evaluations_ < cap) {
            const Eigen::MatrixXd A = cur->H.transpose() * cur->H;
            const Eigen::VectorXd rhs = -(cur->H.transpose() * cur->g);
            Eigen::VectorXd step = (A + mu * Eigen::MatrixXd::Identity(n, n)).ldlt().solve(rhs);
            if (!step.allFinite()) return std::nullopt;
            Point y = x;
            for (std::size_t i = 0; i < n; ++i) y[i] = std::clamp(x[i] + step[i], lo_[i], hi_[i]);
            if (close(x, y, 1e-13)) {
                double h = cur->H.cwiseAbs().maxCoeff();
                // converged: accept only a genuine zero (Newton step of ∇J negligible)
                Eigen::FullPivLU<Eigen::MatrixXd> lu(cur->H);
                if (!lu.isInvertible()) return std::nullopt;
                Eigen::VectorXd nstep = lu.solve(cur->g);
                for (std::size_t i = 0; i < n; ++i)
                    if (!(std::fabs(nstep[i]) <= 1e-9 * (1 + std::fabs(x[i])))) return std::nullopt;
                return std::pair{x, h};
            }
            if (evaluations_ >= budget()) return std::nullopt;
            auto ny = at(y);  // not evaluable there: a rejected step
            if (ny && ny->g.squaredNorm() < cur->g.squaredNorm()) {
                x = std::move(y);
                cur = std::move(ny);
                mu = std::max(mu / 9, 1e-300);
            } else {
                mu = mu * 16 + 1e-300;
                if (!(mu < 1e300)) return std::nullopt;
            }
        }
        return std::nullopt;
    }

    const BoxFunction& f_;
    const Box& root_;
    const SearchClock& clock_;
    Point lo_, hi_;
    std::size_t evaluations_ = 0;
    bool estimated_ = true;  // decided by the first evaluation
};

/// The engine's rules on the way from the root to the leaf holding x; the tiling if that leaf
/// refutes the claim.
std::optional<WitnessTiling> descend(const BoxFunction& f, const Box& root, const Claim& claim,
                                     const CertifyOptions& opt, const std::vector<unsigned>& ladder, const Point& x,
                                     std::size_t& analyses, const SearchClock& clock) {
    WitnessTiling w;
    std::vector<std::pair<Box, unsigned>> siblings;
    Box B = root;
    unsigned li = 0;
    for (std::size_t n = 0; n < descent_analyses; ++n) {
        if (clock.expired()) return std::nullopt;
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
        if (detail::beyond_unbounded_cap(B)) return std::nullopt;
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
    const SearchClock clock(opt.time_limit);
    NewtonCandidates newton(f, root, clock);
    auto candidates = newton.run();
    const auto ladder = detail::precision_ladder(opt.max_bits);
    std::size_t analyses = 0;
    for (const Point& x : candidates) {
        if (auto w = descend(f, root, claim, opt, ladder, x, analyses, clock)) {
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
