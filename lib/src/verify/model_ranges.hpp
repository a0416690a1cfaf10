// Internal (independent verifier): the ranges of the R/S/E/E parameters on a leaf, read from the
// certificate header's model description and the leaf box alone (no certifier code).
#pragma once
#include <array>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "gancert/arith/scalar.hpp"
#include "gancert/certify/box.hpp"
#include "gancert/model/params.hpp"

namespace gancert::verify::detail {

using arith::Decimal;

/// The model: which of a, b, g, h are free (in box order) and the fixed values.
struct RseeModel {
    std::vector<int> free;                       // model index (0 a, 1 b, 2 g, 3 h) of box dimension i
    std::array<std::optional<Decimal>, 4> fixed;  // for the fixed ones
    Decimal c;
    /// nullopt when the description is not the rsee model; throws std::runtime_error when it
    /// is rsee but malformed.
    static std::optional<RseeModel> from(const nlohmann::json& description);
};

/// Exact ranges of a, b, g, h on a leaf (lo = hi for a fixed parameter; ±∞ possible).
struct Ranges {
    std::array<Decimal, 4> lo, hi;
    std::array<bool, 4> is_free{};
    Decimal c;
};
Ranges ranges(const RseeModel& m, const certify::Box& B);

/// Outward idouble enclosures of the ranges (finite ranges only) as integral-path parameters.
model::Params<arith::idouble> params(const Ranges& r);

/// [lo, hi] of exact decimals as an outward idouble interval.
arith::idouble outward(const Decimal& lo, const Decimal& hi);

}  // namespace gancert::verify::detail
