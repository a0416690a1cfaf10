#include <algorithm>
#include "gancert/api/workers.hpp"
#include "gancert/certify/verify.hpp"

#include <atomic>
#include <chrono>
#include <fstream>
#include <mutex>
#include <system_error>
#include <thread>

#include "gancert/certify/certificate.hpp"
#include "gancert/certify/evidence.hpp"
#include "gancert/api/limits.hpp"
#include "gancert/certify/record.hpp"
#include "gancert/certify/stationary_set.hpp"
#include "gancert/verify/independent.hpp"

namespace gancert::certify {

using nlohmann::json;

namespace {

/// The header is untrusted data too: it must be exactly what certify writes for the model,
/// claim and box it describes (no ignored keys, no ambiguous or wrapped values), and a free g
/// of R/S/E/E must stay in its domain g >= 0. bad_input naming the first difference.
void check_header_form(const json& header, const BoxFunction& f, const Claim& claim, const Box& root) {
    static const char* const keys[] = {"format", "version", "tool_version", "claim", "model", "box", "settings"};
    for (auto it = header.begin(); it != header.end(); ++it)
        if (std::find(std::begin(keys), std::end(keys), it.key()) == std::end(keys))
            throw arith::bad_input("certificate header: unknown key '" + it.key() + "'");
    for (auto it = header.at("box").begin(); it != header.at("box").end(); ++it)
        if (it.key() != "names" && it.key() != "lo" && it.key() != "hi")
            throw arith::bad_input("certificate header: unknown key 'box." + it.key() + "'");
    if (f.describe() != header.at("model"))
        throw arith::bad_input("certificate header: model " + header.at("model").dump() +
                               " is not in the form certify writes (" + f.describe().dump() + ")");
    if (claim_to_json(claim) != header.at("claim"))
        throw arith::bad_input("certificate header: claim " + header.at("claim").dump() +
                               " is not in the form certify writes (" + claim_to_json(claim).dump() + ")");
    const auto names = f.names();
    if (header.at("model").value("model", "") == "rsee")
        for (std::size_t i = 0; i < names.size(); ++i)
            if (names[i] == "g" && root.lo[i].sign() < 0)
                throw arith::bad_input("certificate box: g_lo = " + root.lo[i].str() + " leaves the domain (g >= 0)");
}

}  // namespace

VerifyReport verify_certificate(const std::string& path, const VerifyOptions& opt) {
    limits::resolve_threads(opt.threads);  // bad input before any work
    if (opt.bits > limits::max_precision_bits)
        throw arith::bad_parameter("bits", std::to_string(opt.bits) + " is above the maximum " +
                                               std::to_string(limits::max_precision_bits));
    const auto started = std::chrono::steady_clock::now();
    auto out_of_time = [&] {
        return opt.time_limit > 0 &&
               std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count() >= opt.time_limit;
    };
    std::atomic<bool> timed_out{false};
    std::atomic<std::size_t> checked{0};
    VerifyReport rep;
    auto fail = [&](const std::string& m) {
        if (rep.failures.size() < 20) rep.failures.push_back(m);
        rep.exit_code = 1;
    };
    json header;
    std::unique_ptr<BoxFunction> f;
    Claim claim;
    Box root;
    try {
        limits::check_not_fifo(path, "certificate ");
        std::ifstream in(path);
        std::string line;
        if (!in) throw arith::bad_input("certificate '" + path + "': cannot be opened");
        bool complete = false;
        try {
            if (!read_record_line(in, line, complete)) throw arith::bad_input("certificate '" + path + "': empty");
        } catch (const std::runtime_error& e) {
            throw arith::bad_input("certificate '" + path + "': line 1: " + e.what());
        }
        try {
            header = parse_record(line);
        } catch (const std::exception& e) {
            throw arith::bad_input("certificate '" + path + "': line 1 is not a JSON header (" + e.what() + ")");
        }
        if (!header.is_object() || header.value("format", "") != certificate_format)
            throw arith::bad_input("certificate '" + path + "': not a gancert certificate (format)");
        if (!header.contains("version") || header["version"] != certificate_version)
            throw arith::bad_input("certificate '" + path + "': unsupported version " +
                                   (header.contains("version") ? header["version"].dump() : "(none)"));
        if (header.value("claim", json::object()).value("kind", "") == "stationary-set") return verify_stationary_set(path);
        f = make_box_function(header.at("model"));
        claim = claim_from_json(header.at("claim"));
        root = root_from_json(header.at("box"));
        if (header["box"]["names"].get<std::vector<std::string>>() != f->names())
            throw arith::bad_input("certificate '" + path + "': box names do not match the model");
        check_header_form(header, *f, claim, root);
    } catch (const std::exception& e) {
        rep.exit_code = 2;
        rep.failures.push_back(e.what());
        return rep;
    }

    std::optional<verify::IndependentVerifier> independent;
    if (opt.independent) independent.emplace(header.at("model"), claim);
    TilingChecker tiling(root);
    ClaimAccumulator acc(claim, root, f->names());
    unsigned threads = limits::resolve_threads(opt.threads);
    std::vector<std::pair<std::size_t, json>> batch;
    auto flush = [&] {
        std::vector<std::optional<std::string>> errs(batch.size());
        std::vector<Box> boxes(batch.size());
        std::vector<std::pair<std::string, verify::Route>> routes(batch.size());
        std::atomic<std::size_t> next{0};
        std::exception_ptr unsound;  // a contradiction between enclosures: a bug, never "invalid"
        std::mutex unsound_mutex;
        auto work = [&] {
            for (std::size_t i; (i = next++) < batch.size();) {
                if (timed_out || out_of_time()) {  // the budget: the leaf is not re-checked
                    timed_out = true;
                    errs[i] = "not re-checked";
                    continue;
                }
                ++checked;
                try {
                    // a leaf's recorded precision is re-evaluated as is: the same maximum as --max-bits
                    // (one leaf at 65536 bits took minutes)
                    const json& lb = batch[i].second.is_object() ? batch[i].second.value("bits", json()) : json();
                    if (lb.is_number() && !(lb.get<double>() <= limits::max_precision_bits)) {
                        errs[i] = "recorded precision " + lb.dump() + " bits is above the maximum " +
                                  std::to_string(limits::max_precision_bits);
                        continue;
                    }
                    boxes[i] = box_from_leaf(batch[i].second, root.dims());
                    if (!independent) {
                        errs[i] = check_leaf(*f, boxes[i], claim, batch[i].second, opt.bits);
                        continue;
                    }
                    LeafEvidence ev = leaf_evidence_from_json(batch[i].second);
                    const LemmaEvidence* l = ev.get<LemmaEvidence>();
                    routes[i].first = l ? std::string("lemma ") + lemma_name(l->lemma) : evidence_name(ev);
                    try {
                        routes[i].second = independent->check(boxes[i], ev);
                    } catch (const arith::soundness_error&) {
                        throw;
                    } catch (const std::exception& e) {
                        errs[i] = e.what();
                        continue;
                    }
                    if (routes[i].second == verify::Route::shared) errs[i] = check_leaf(*f, boxes[i], claim, ev, opt.bits);
                } catch (const arith::soundness_error&) {
                    std::lock_guard<std::mutex> l(unsound_mutex);
                    if (!unsound) unsound = std::current_exception();
                } catch (const std::exception& e) {
                    errs[i] = std::string("malformed leaf: ") + e.what();
                }
            }
        };
        api::run_workers(threads, work);
        if (unsound) std::rethrow_exception(unsound);
        for (std::size_t i = 0; i < batch.size(); ++i) {
            std::string where = "line " + std::to_string(batch[i].first) + ": ";
            if (independent && !routes[i].first.empty()) {
                RouteCount& rc = rep.routes[routes[i].first];
                ++(routes[i].second == verify::Route::independent ? rc.independent
                   : routes[i].second == verify::Route::shared    ? rc.shared
                                                                  : rc.no_claim);
            }
            if (timed_out && errs[i] && *errs[i] == "not re-checked") continue;
            if (errs[i]) { fail(where + *errs[i]); continue; }
            if (auto e = tiling.add(boxes[i].path, boxes[i])) { fail(where + *e); continue; }
            try {
                acc.add(batch[i].second, boxes[i]);
            } catch (const std::exception& e) {
                fail(where + "malformed leaf: " + e.what());
            }
        }
        batch.clear();
    };
    std::optional<json> summary;
    try {
        auto contents = read_certificate(path, [&](std::size_t line, const json& leaf) {
            batch.emplace_back(line, leaf);
            if (batch.size() >= 256) flush();
        });
        flush();
        summary = contents.summary;
    } catch (const arith::bad_input& e) {
        rep.exit_code = 2;
        rep.failures.push_back(e.what());
        return rep;
    } catch (const arith::soundness_error&) {
        throw;
    } catch (const std::exception& e) {
        fail(e.what());
    }
    if (timed_out) {
        rep.failures.insert(rep.failures.begin(),
                            "time limit reached: " + std::to_string(checked.load()) + " leaves re-checked in " +
                                std::to_string(static_cast<long long>(opt.time_limit)) +
                                " s, the others not: the certificate is not verified (--time-limit SECONDS for a longer check)");
        rep.exit_code = 1;
    }
    if (auto e = tiling.finish()) {
        fail(*e);
        acc.set_coverage_gap(*e);
    }
    if (auto e = acc.inconsistency()) fail(*e);
    rep.leaves = acc.leaves();
    rep.status = acc.status();
    rep.verdict = acc.verdict();
    if (!summary) {
        fail("no summary line: the run did not finish");
    } else {
        // Every field of the recorded summary (except the run statistics) must be exactly what
        // the verified leaves give: status, counts, witness, unique types, unknown volume,
        // extrema and their location boxes. Nothing recorded is trusted.
        for (const auto& d : summary_differences(*summary, acc.summary())) fail(d);
    }
    return rep;
}

}  // namespace gancert::certify
