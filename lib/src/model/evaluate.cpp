// Temporary: the two evaluation paths are being merged; until then evaluation throws.
#include "gancert/model/evaluate.hpp"

#include <stdexcept>

namespace gancert::model {
const char* to_string(Path p) { return p == Path::closed_form ? "closed form" : p == Path::integral ? "integral" : "both"; }
template <class S>
Evaluation<S> evaluate(const Params<S>&) { throw std::logic_error("evaluation paths not merged yet"); }
template Evaluation<double> evaluate(const Params<double>&);
template Evaluation<arith::mpfr> evaluate(const Params<arith::mpfr>&);
template Evaluation<arith::idouble> evaluate(const Params<arith::idouble>&);
template Evaluation<arith::impfr> evaluate(const Params<arith::impfr>&);
bool meets_digits(const Evaluation<arith::impfr>&, unsigned, bool) { return false; }
CertifiedEvaluation evaluate_certified(const DecimalParams& p, unsigned digits, unsigned) {
    validate(p);
    (void)arith::bits_for_digits(digits);
    throw std::logic_error("evaluation paths not merged yet");
}
}  // namespace gancert::model
