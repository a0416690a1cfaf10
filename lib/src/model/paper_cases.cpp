#include "gancert/model/paper_cases.hpp"

#include "gancert/arith/decimal.hpp"

namespace gancert::model {

DecimalParams paper_case(PaperCase which) {
    if (which == PaperCase::A) return {"2.2", "-3", "1.5", "-2", "0.5"};
    return {"1.21", "-1", "0.35", "-4", "4.04"};
}

PaperCase parse_paper_case(const std::string& name) {
    if (name == "A" || name == "a") return PaperCase::A;
    if (name == "B" || name == "b") return PaperCase::B;
    throw arith::bad_parameter("case", "'" + name + "' is not A or B");
}

}  // namespace gancert::model
