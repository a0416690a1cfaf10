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

/// Lemma F.7(f): the projected rates l_i = c_i/w_i ordered, and δ = l2 − l1, K = l1 l2/δ,
/// r = l1/δ from the exact decimals (n = c2 w1 − c1 w2 = w1 w2 (λ2 − λ1) decides the order and
/// whether the rates are equal, exactly).
template <class S>
ProjectedExp2<S> projected_exp2(const Component& c) {
    using arith::Decimal;
    const Decimal c1 = Decimal::parse(c.param("c1"), "c1"), c2 = Decimal::parse(c.param("c2"), "c2");
    const Decimal w1 = Decimal::parse(c.param("w1"), "w1"), w2 = Decimal::parse(c.param("w2"), "w2");
    const Decimal n = c2 * w1 - c1 * w2;
    const bool first_slower = n.sign() >= 0;  // λ1 = c1/w1 <= λ2 = c2/w2
    const Decimal &ca = first_slower ? c1 : c2, &wa = first_slower ? w1 : w2;
    const Decimal &cb = first_slower ? c2 : c1, &wb = first_slower ? w2 : w1;
    const Decimal nabs = first_slower ? n : -n;  // = wa wb δ >= 0
    auto enc = [](const Decimal& x) { return arith::enclose<S>(x, "exp2"); };
    ProjectedExp2<S> L;
    L.l1 = enc(ca) / enc(wa);
    L.l2 = enc(cb) / enc(wb);
    L.equal = nabs.sign() == 0;
    if (!L.equal) {
        L.delta = enc(nabs) / enc(wa * wb);
        L.K = enc(ca * cb) / enc(nabs);
        L.r = enc(ca * wb) / enc(nabs);
    }
    return L;
}

}  // namespace

template <class S>
Model<S> make_model(const ModelSpec& spec) {
    Model<S> m;
    const auto& d = spec.data;
    if (d.kind == "exp") m.data = Exponential<S>{value<S>(d, "c")};
    else if (d.kind == "exp2") m.data = projected_exp2<S>(d);
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
