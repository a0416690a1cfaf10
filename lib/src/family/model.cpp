// Fixed parameters of a parsed spec enclosed in S (family/model.hpp).
#include "gancert/family/model.hpp"

#include "gancert/arith/decimal.hpp"

namespace gancert::family {
namespace {

template <class S>
S value(const Component& c, const char* name) {
    return arith::parse<S>(c.param(name), name);
}

template <class S>
Gaussian<S> gaussian(const Component& c, const char* mu, const char* sigma) {
    return {value<S>(c, mu), value<S>(c, sigma)};
}

}  // namespace

template <class S>
Model<S> make_model(const ModelSpec& spec) {
    Model<S> m;
    const auto& d = spec.data;
    if (d.kind == "exp") m.data = Exponential<S>{value<S>(d, "c")};
    else if (d.kind == "gaussian") m.data = gaussian<S>(d, "mu", "sigma");
    else m.data = Mixture<S>{value<S>(d, "w"), gaussian<S>(d, "mu1", "s1"), gaussian<S>(d, "mu2", "s2")};
    const auto& z = spec.latent;
    if (z.kind == "rayleigh") m.latent = Rayleigh<S>{};
    else if (z.kind == "gaussian") m.latent = gaussian<S>(z, "mu", "sigma");
    else m.latent = Uniform<S>{};
    if (spec.gen.kind == "square") m.gen = SquareGen{};
    else m.gen = AffineGen{};
    if (spec.disc.kind == "erf") m.disc = ErfDisc{};
    else if (spec.disc.kind == "logistic") m.disc = LogisticDisc{};
    else m.disc = IndicatorDisc{};
    if (spec.cost.kind == "ls") m.cost = LeastSquaresCost{};
    else if (spec.cost.kind == "log") m.cost = LogCost{};
    else m.cost = NonSaturatingCost{};
    return m;
}

template Model<arith::impfr> make_model<arith::impfr>(const ModelSpec&);

}  // namespace gancert::family
