// The R/S/E/E cost as a certify::BoxFunction (adapter over model::evaluate, issue 3).
#include <algorithm>

#include "gancert/arith/decimal.hpp"
#include "gancert/certify/model_factory.hpp"

#if __has_include("gancert/model/evaluate.hpp")
#include "gancert/model/evaluate.hpp"
#define GANCERT_HAVE_RSEE_EVALUATOR 1
#endif

namespace gancert::certify {

#ifdef GANCERT_HAVE_RSEE_EVALUATOR
namespace {

class RseeFunction : public BoxFunction {
public:
    RseeFunction(std::map<std::string, std::string> fixed, std::vector<std::string> free)
        : fixed_(std::move(fixed)), free_(std::move(free)) {
        for (const auto& n : free_) idx_.push_back(static_cast<std::size_t>(
            std::find(all_.begin(), all_.end(), n) - all_.begin()));
    }
    std::vector<std::string> names() const override { return free_; }
    Enclosure<arith::idouble> enclose(const std::vector<arith::idouble>& x) const override { return run(x); }
    Enclosure<arith::impfr> enclose(const std::vector<arith::impfr>& x) const override { return run(x); }
    nlohmann::json describe() const override {
        return {{"model", "rsee"}, {"fixed", fixed_}, {"free", free_}};
    }

private:
    const std::vector<std::string> all_{"a", "b", "g", "h"};
    std::map<std::string, std::string> fixed_;
    std::vector<std::string> free_;
    std::vector<std::size_t> idx_;

    template <class S>
    Enclosure<S> run(const std::vector<S>& x) const {
        S v[4];
        for (std::size_t k = 0; k < 4; ++k) {
            auto it = fixed_.find(all_[k]);
            if (it != fixed_.end()) v[k] = arith::parse<S>(it->second, all_[k]);
        }
        for (std::size_t i = 0; i < free_.size(); ++i) v[idx_[i]] = x[i];
        model::Params<S> p{v[0], v[1], v[2], v[3], arith::parse<S>(fixed_.at("c"), "c")};
        model::Evaluation<S> e = model::evaluate(p);
        std::size_t n = free_.size();
        Enclosure<S> r{e.J.v, std::vector<S>(n), std::vector<S>(n * n)};
        for (std::size_t i = 0; i < n; ++i) {
            r.g[i] = e.J.g[idx_[i]];
            for (std::size_t j = 0; j < n; ++j) r.H[i * n + j] = e.J.hess(idx_[i], idx_[j]);
        }
        return r;
    }
};

}  // namespace

std::unique_ptr<BoxFunction> make_rsee_function(const std::map<std::string, std::string>& fixed,
                                                const std::vector<std::string>& free) {
    return std::make_unique<RseeFunction>(fixed, free);
}
#else
std::unique_ptr<BoxFunction> make_rsee_function(const std::map<std::string, std::string>&,
                                                const std::vector<std::string>&) {
    throw arith::bad_input("model rsee: the R/S/E/E evaluator is not built into this binary");
}
#endif

}  // namespace gancert::certify
