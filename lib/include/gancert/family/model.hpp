// gancert/family/model.hpp — a model of the family: one component of each kind, with its
// fixed parameters in the scalar S (the players' parameters θ are passed separately).
// Components are small types (law_*.hpp, gen_*.hpp, disc_*.hpp, cost_*.hpp); a model holds
// them in variants, so that the integral path (family/evaluate.hpp) is compiled once and
// dispatches per call — "write the model once" (design §4).
//
// Contract: make_model accepts a ModelSpec that parse_model produced (fixed parameters
// validated there) and encloses its exact decimals in S.
#pragma once
#include <variant>

#include "gancert/family/cost_log.hpp"
#include "gancert/family/cost_ls.hpp"
#include "gancert/family/cost_nonsat.hpp"
#include "gancert/family/disc_erf.hpp"
#include "gancert/family/disc_indicator.hpp"
#include "gancert/family/disc_logistic.hpp"
#include "gancert/family/gen_affine.hpp"
#include "gancert/family/gen_square.hpp"
#include "gancert/family/law_exp2.hpp"
#include "gancert/family/law_exponential.hpp"
#include "gancert/family/law_gaussian.hpp"
#include "gancert/family/law_mixture.hpp"
#include "gancert/family/law_rayleigh.hpp"
#include "gancert/family/law_uniform.hpp"
#include "gancert/family/spec.hpp"

namespace gancert::family {

template <class S>
using DataLaw = std::variant<Exponential<S>, ProjectedExp2<S>, Gaussian<S>, Mixture<S>>;
template <class S>
using LatentLaw = std::variant<Rayleigh<S>, Gaussian<S>, Uniform<S>>;
using Generator = std::variant<SquareGen, AffineGen>;
using Discriminator = std::variant<ErfDisc, LogisticDisc, IndicatorDisc>;
using Cost = std::variant<LeastSquaresCost, LogCost, NonSaturatingCost>;

template <class S>
struct Model {
    DataLaw<S> data;
    LatentLaw<S> latent;
    Generator gen;
    Discriminator disc;
    Cost cost;
};

/// The model of a parsed spec with its fixed parameters enclosed in S.
template <class S>
Model<S> make_model(const ModelSpec& spec);

}  // namespace gancert::family
