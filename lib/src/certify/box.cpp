#include "gancert/certify/box.hpp"

#include <cmath>
#include <functional>
#include <limits>
#include <algorithm>
#include <stdexcept>

namespace gancert::certify {

std::vector<Decimal> Box::midpoint() const {
    std::vector<Decimal> m(dims());
    for (std::size_t i = 0; i < dims(); ++i) m[i] = (lo[i] + hi[i]).half();
    return m;
}

bool Box::bounded() const {
    for (std::size_t i = 0; i < dims(); ++i)
        if (!lo[i].is_finite() || !hi[i].is_finite()) return false;
    return true;
}

namespace {
/// x / y for y > 0 (approximate; for statistics and the search's heuristics, never bounds),
/// also where x or y is beyond double range (1e400 / 1e401 = 0.1, not inf / inf).
double ratio(const Decimal& x, const Decimal& y) {
    if (x.sign() == 0) return 0;
    const double q = x.approx() / y.approx();
    if (std::isfinite(q) && q != 0) return q;
    return std::copysign(std::pow(10.0, x.log10_abs() - y.log10_abs()), x.sign());
}
/// Share of dimension i of `ref` covered by [lo, hi] (approximate): the width ratio, or for an
/// unbounded reference range the ratio of atan-lengths (a finite measure on the line).
double share(const Decimal& lo, const Decimal& hi, const Decimal& rlo, const Decimal& rhi) {
    if (rlo.is_finite() && rhi.is_finite()) return ratio(hi - lo, rhi - rlo);
    return (std::atan(hi.approx()) - std::atan(lo.approx())) / (std::atan(rhi.approx()) - std::atan(rlo.approx()));
}
/// Width of [lo, hi] relative to the reference range: the width ratio, or for an unbounded
/// reference range — and a finite one wider than 10^split_wide_exponent, which is split like an
/// unbounded one (split_point) — the width relative to max(1, |lo|, |hi|) (∞ for an unbounded
/// [lo, hi]).
double scaled_extent(const Decimal& lo, const Decimal& hi, const Decimal& rlo, const Decimal& rhi) {
    static const Decimal wide = Decimal::pow10(arith::split_wide_exponent);
    if (rlo.is_finite() && rhi.is_finite() && !(rhi - rlo > wide)) return ratio(hi - lo, rhi - rlo);
    if (!lo.is_finite() || !hi.is_finite()) return HUGE_VAL;
    const Decimal one(1), alo = lo.abs(), ahi = hi.abs();
    const Decimal& m = std::max({one, alo, ahi});
    return ratio(hi - lo, m);
}
}  // namespace

double Box::relative_volume(const Box& ref) const {
    double v = 1;
    for (std::size_t i = 0; i < dims(); ++i) v *= share(lo[i], hi[i], ref.lo[i], ref.hi[i]);
    return v;
}

Decimal Box::volume() const {
    Decimal v(1);
    for (std::size_t i = 0; i < dims(); ++i) v = v * (hi[i] - lo[i]);
    return v;
}

int compare_paths(const std::vector<PathStep>& x, const std::vector<PathStep>& y) {
    for (std::size_t k = 0; k < x.size() && k < y.size(); ++k) {
        if (x[k].dim != y[k].dim) return x[k].dim < y[k].dim ? -1 : 1;
        if (int c = compare(x[k].split, y[k].split)) return c;
        if (x[k].upper != y[k].upper) return x[k].upper ? 1 : -1;
    }
    return x.size() < y.size() ? -1 : x.size() > y.size() ? 1 : 0;
}

double Box::max_scaled_width(const Box& ref) const {
    double m = 0;
    for (std::size_t i = 0; i < dims(); ++i) m = std::max(m, scaled_extent(lo[i], hi[i], ref.lo[i], ref.hi[i]));
    return m;
}

double Box::scaled_width(unsigned dim, const Box& ref) const {
    return scaled_extent(lo[dim], hi[dim], ref.lo[dim], ref.hi[dim]);
}

unsigned Box::widest_scaled_dim(const Box& ref) const {
    unsigned best = 0;
    double bw = -1;
    for (std::size_t i = 0; i < dims(); ++i) {
        double w = scaled_extent(lo[i], hi[i], ref.lo[i], ref.hi[i]);
        if (w > bw) { bw = w; best = static_cast<unsigned>(i); }
    }
    return best;
}

std::pair<Box, Box> Box::bisect(unsigned dim) const {
    Decimal s = split_point(lo[dim], hi[dim]);
    Box l = *this, u = *this;
    l.hi[dim] = s;
    u.lo[dim] = s;
    l.path.push_back({dim, s, false});
    u.path.push_back({dim, s, true});
    return {std::move(l), std::move(u)};
}

Box Box::face(unsigned dim, bool upper) const {
    Box f = *this;
    if (upper) f.lo[dim] = hi[dim]; else f.hi[dim] = lo[dim];
    return f;
}

Box make_root_box(const std::vector<std::string>& names, const std::vector<std::string>& lo,
                  const std::vector<std::string>& hi) {
    Box b;
    for (std::size_t i = 0; i < names.size(); ++i) {
        b.lo.push_back(Decimal::parse_extended(lo[i], "box " + names[i] + " (lower bound)"));
        b.hi.push_back(Decimal::parse_extended(hi[i], "box " + names[i] + " (upper bound)"));
        if (!b.lo.back().is_finite() && b.lo.back().sign() > 0)
            throw arith::bad_parameter("box", names[i] + ": lower bound " + lo[i] + " is +inf");
        if (!b.hi.back().is_finite() && b.hi.back().sign() < 0)
            throw arith::bad_parameter("box", names[i] + ": upper bound " + hi[i] + " is -inf");
        if (!(b.lo.back() < b.hi.back()))
            throw arith::bad_parameter("box", names[i] + ": empty or degenerate range " + lo[i] +
                                   ":" + hi[i] + " (need lo < hi)");
    }
    return b;
}

template <class S>
std::vector<S> outer_intervals(const std::vector<Decimal>& lo, const std::vector<Decimal>& hi) {
    std::vector<S> r;
    r.reserve(lo.size());
    const auto inf = std::numeric_limits<arith::endpoint_t<S>>::infinity();
    for (std::size_t i = 0; i < lo.size(); ++i) {
        if (lo[i] == hi[i] && lo[i].is_finite()) {
            r.push_back(arith::enclose<S>(lo[i], "box"));
        } else {
            auto l = lo[i].is_finite() ? arith::enclose<S>(lo[i], "box").lower() : -inf;
            auto h = hi[i].is_finite() ? arith::enclose<S>(hi[i], "box").upper() : inf;
            r.push_back(arith::make_interval(l, h));
        }
    }
    return r;
}
template <class S>
std::vector<S> point_intervals(const std::vector<Decimal>& x) {
    std::vector<S> r;
    r.reserve(x.size());
    for (const auto& v : x) r.push_back(arith::enclose<S>(v, "point"));
    return r;
}
template <class S>
std::optional<std::vector<S>> inner_intervals(const std::vector<Decimal>& lo,
                                              const std::vector<Decimal>& hi) {
    std::vector<S> r;
    for (std::size_t i = 0; i < lo.size(); ++i) {
        if (!lo[i].is_finite() || !hi[i].is_finite()) return std::nullopt;
        S l = arith::enclose<S>(lo[i], "box"), h = arith::enclose<S>(hi[i], "box");
        if (!(l.upper() <= h.lower())) return std::nullopt;
        r.push_back(arith::make_interval(l.upper(), h.lower()));
    }
    return r;
}

template std::vector<arith::idouble> outer_intervals(const std::vector<Decimal>&, const std::vector<Decimal>&);
template std::vector<arith::impfr> outer_intervals(const std::vector<Decimal>&, const std::vector<Decimal>&);
template std::vector<arith::idouble> point_intervals(const std::vector<Decimal>&);
template std::vector<arith::impfr> point_intervals(const std::vector<Decimal>&);
template std::optional<std::vector<arith::idouble>> inner_intervals(const std::vector<Decimal>&, const std::vector<Decimal>&);
template std::optional<std::vector<arith::impfr>> inner_intervals(const std::vector<Decimal>&, const std::vector<Decimal>&);

// ---------------------------------------------------------------------------------------
struct TilingChecker::Node {
    bool leaf = false;
    bool split_known = false;
    unsigned dim = 0;
    Decimal split;
    std::unique_ptr<Node> child[2];
};

TilingChecker::TilingChecker(Box root) : root_(std::move(root)), tree_(std::make_unique<Node>()) {
    root_.path.clear();
}
TilingChecker::~TilingChecker() = default;

std::optional<std::string> TilingChecker::add(const std::vector<PathStep>& path, const Box& stated) {
    Node* n = tree_.get();
    Box cur = root_;
    for (std::size_t k = 0; k < path.size(); ++k) {
        const PathStep& s = path[k];
        if (n->leaf) return "path passes through another leaf (overlap)";
        if (s.dim >= cur.dims()) return "path step " + std::to_string(k) + ": dimension out of range";
        if (!(cur.lo[s.dim] < s.split && s.split < cur.hi[s.dim]))
            return "path step " + std::to_string(k) + ": split point " + s.split.str() +
                   " not strictly inside its box";
        if (n->split_known) {
            if (n->dim != s.dim || !(n->split == s.split))
                return "path step " + std::to_string(k) + ": conflicts with a sibling's split";
        } else {
            n->split_known = true;
            n->dim = s.dim;
            n->split = s.split;
        }
        if (s.upper) cur.lo[s.dim] = s.split; else cur.hi[s.dim] = s.split;
        auto& c = n->child[s.upper ? 1 : 0];
        if (!c) c = std::make_unique<Node>();
        n = c.get();
    }
    if (n->leaf) return "duplicate leaf";
    if (n->split_known) return "leaf overlaps leaves below it";
    n->leaf = true;
    if (stated.dims() != cur.dims()) return "stated box has the wrong dimension";
    for (std::size_t i = 0; i < cur.dims(); ++i)
        if (!(stated.lo[i] == cur.lo[i]) || !(stated.hi[i] == cur.hi[i]))
            return "stated box differs from the box of its path in dimension " + std::to_string(i);
    return std::nullopt;
}

std::optional<std::string> TilingChecker::finish() const {
    auto missing = missing_boxes();
    if (!missing.empty()) {
        std::string m = "the leaves do not cover the input box: " + std::to_string(missing.size()) +
                        " gap(s), e.g. [";
        const Box& b = missing.front();
        for (std::size_t i = 0; i < b.dims(); ++i)
            m += (i ? ", " : "") + b.lo[i].str() + ":" + b.hi[i].str();
        return m + "]";
    }
    return std::nullopt;
}

std::vector<Box> TilingChecker::missing_boxes() const {
    std::vector<Box> out;
    std::function<void(const Node*, const Box&)> walk = [&](const Node* n, const Box& b) {
        if (n->leaf) return;
        if (!n->split_known) { out.push_back(b); return; }
        for (int side = 0; side < 2; ++side) {
            Box c = b;
            if (side) c.lo[n->dim] = n->split; else c.hi[n->dim] = n->split;
            c.path.push_back({n->dim, n->split, side == 1});
            if (n->child[side]) walk(n->child[side].get(), c);
            else out.push_back(std::move(c));
        }
    };
    walk(tree_.get(), root_);
    return out;
}

}  // namespace gancert::certify
