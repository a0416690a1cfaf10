// gancert/certify/box.hpp — parameter boxes as exactly recorded bisections of an input box.
//
// Every box the certifier handles is the input box refined by a path of recorded bisections
// (dimension, exact decimal split point, which side). Endpoints are exact decimals
// (arith/decimal.hpp), so the verifier rebuilds the bisection tree from the leaves'
// paths and checks with exact comparisons that the leaves tile the input box.
//
// Contract: boxes and midpoints are exact (no rounding); outer_intervals encloses the exact box,
// inner_intervals is contained in it (nullopt when that would be empty); the tiling checker
// returns an error text (never throws) for any gap, overlap or inconsistent path.
#pragma once
#include <cstddef>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gancert/arith/scalar.hpp"
#include "gancert/arith/decimal.hpp"

namespace gancert::certify {

using arith::Decimal;  // the library's one exact-decimal type
using arith::split_point;

/// One bisection: box ∩ {x_dim <= split} (upper = false) or box ∩ {x_dim >= split} (upper = true).
struct PathStep {
    unsigned dim = 0;
    Decimal split;
    bool upper = false;
};

struct Box {
    std::vector<Decimal> lo, hi;  // exact endpoints (possibly ±∞), lo[i] < hi[i]
    std::vector<PathStep> path;   // bisections from the input box

    std::size_t dims() const { return lo.size(); }
    /// Every endpoint finite.
    bool bounded() const;
    /// Exact midpoint.
    std::vector<Decimal> midpoint() const;
    /// Product of widths / product of the reference box's widths (approximate, double; for an
    /// unbounded reference range the ratio of atan-lengths).
    double relative_volume(const Box& reference) const;
    /// Exact product of the widths.
    Decimal volume() const;
    /// max_i width_i / reference width_i (approximate; for an unbounded reference range the
    /// width relative to max(1, |lo|, |hi|), ∞ for an unbounded range).
    double max_scaled_width(const Box& reference) const;
    /// The scaled width of dimension `dim` (as in max_scaled_width).
    double scaled_width(unsigned dim, const Box& reference) const;
    /// The dimension with the largest scaled width (ties: lowest index).
    unsigned widest_scaled_dim(const Box& reference) const;
    /// Bisects at split_point() of dimension `dim`; the children carry the extended path.
    std::pair<Box, Box> bisect(unsigned dim) const;
    /// A box with coordinate `dim` fixed to lo (upper = false) or hi (a face; path unchanged).
    Box face(unsigned dim, bool upper) const;
};

/// Canonical order of bisection paths (lexicographic over the steps: dimension, exact split,
/// side; a prefix first): <0, 0, >0. Independent of the order in which leaves were found, so
/// summaries that pick "the first" leaf of a kind pick the same one for any thread count.
int compare_paths(const std::vector<PathStep>& x, const std::vector<PathStep>& y);

/// The input box from decimal endpoints (lo < hi checked; bad_input names the variable).
Box make_root_box(const std::vector<std::string>& names, const std::vector<std::string>& lo,
                  const std::vector<std::string>& hi);

/// Enclosures of the exact box: each endpoint parsed outward (arith::parse), so the result
/// contains the exact decimal box. Uses this thread's working precision for impfr.
template <class S>
std::vector<S> outer_intervals(const std::vector<Decimal>& lo, const std::vector<Decimal>& hi);
/// Point enclosures of an exact decimal point.
template <class S>
std::vector<S> point_intervals(const std::vector<Decimal>& x);
/// Inner intervals [parse(lo).upper, parse(hi).lower] ⊂ exact box (for "K ⊂ int B"); nullopt
/// if an inner interval would be empty.
template <class S>
std::optional<std::vector<S>> inner_intervals(const std::vector<Decimal>& lo,
                                              const std::vector<Decimal>& hi);

/// Rebuilds the bisection tree from leaf paths and checks exact tiling of the input box.
/// Usage: add() every leaf (returns an error text on an inconsistency), then finish().
class TilingChecker {
public:
    explicit TilingChecker(Box root);
    ~TilingChecker();
    /// Adds a leaf given by its path and its stated box; error text if the path is invalid
    /// (split not strictly inside, conflicting split, duplicate leaf, stated box differs).
    std::optional<std::string> add(const std::vector<PathStep>& path, const Box& stated);
    /// After all leaves: error text if some part of the input box is not covered by a leaf.
    std::optional<std::string> finish() const;
    /// Boxes of the tree not covered by any leaf (for --resume): every missing child.
    std::vector<Box> missing_boxes() const;

private:
    struct Node;
    Box root_;
    std::unique_ptr<Node> tree_;
};

}  // namespace gancert::certify
