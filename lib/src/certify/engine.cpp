#include "gancert/api/workers.hpp"
#include "gancert/certify/engine.hpp"

#include <atomic>
#include <chrono>
#include <exception>
#include <system_error>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <algorithm>
#include <deque>
#include <set>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>

#include "gancert/certify/certificate.hpp"
#include "gancert/certify/evidence.hpp"
#include "gancert/api/limits.hpp"
#include "gancert/api/output_file.hpp"
#include "gancert/certify/stop.hpp"
#include "gancert/certify/record.hpp"
#include "gancert/certify/work_pool.hpp"
#include "gancert/certify/witness_search.hpp"
#include "search_rules.hpp"

namespace gancert::certify {

using detail::beyond_unbounded_cap;
using detail::precision_ladder;
using detail::split_dimension;
using nlohmann::json;
using clock_type = std::chrono::steady_clock;

Claim resolve_claim(const BoxFunction& f, const Box& root, Claim claim) {
    if (!root.bounded()) {
        if (claim.kind == ClaimKind::extrema)
            throw arith::bad_parameter("box", "unbounded ranges are supported for no-saddle, no-stationary and plateau");
        if (claim.kind == ClaimKind::plateau && !claim.level)
            throw arith::bad_parameter("level", "required for the plateau claim on an unbounded box");
    }
    if (claim.kind == ClaimKind::plateau) {
        if (!claim.eps) throw arith::bad_parameter("eps", "required for the plateau claim");
        if (!claim.delta) throw arith::bad_parameter("delta", "required for the plateau claim");
        if (claim.eps->sign() <= 0) throw arith::bad_parameter("eps", "must be positive");
        if (claim.delta->sign() <= 0) throw arith::bad_parameter("delta", "must be positive");
        if (!claim.level) {
            arith::precision_guard guard(128);
            auto e = f.enclose(point_intervals<arith::impfr>(root.midpoint()));
            std::string L = arith::to_decimal(arith::midpoint(e.J), 10, MPFR_RNDN);
            claim.level = Decimal::parse(L, "level");
            claim.delta = claim.delta->half();
        }
    }
    if (claim.kind == ClaimKind::extrema) {
        // --delta: target width relative to |extremum|; --eps: optional absolute floor
        if (!claim.delta) claim.delta = Decimal::parse("1e-12");
        if (claim.delta->sign() <= 0) throw arith::bad_parameter("delta", "must be positive");
        if (claim.eps && claim.eps->sign() < 0) throw arith::bad_parameter("eps", "must not be negative");
    }
    return claim;
}

std::vector<Box> initial_partition(const Box& root, std::size_t count) {
    std::deque<Box> q{root};
    while (q.size() < count) {
        Box b = std::move(q.front());
        q.pop_front();
        auto [l, u] = b.bisect(b.widest_scaled_dim(root));
        q.push_back(std::move(l));
        q.push_back(std::move(u));
    }
    return {q.begin(), q.end()};
}

namespace {

struct Task {
    Box box;
    unsigned level = 0;
};

/// Status on stderr while the run goes: a bar redrawn in place (a terminal) or one line every
/// `interval` seconds (e.g. stderr redirected to a log file): done volume, leaves, elapsed.
class Progress {
public:
    using Mode = CertifyOptions::ProgressMode;
    Progress(Mode mode, double interval, const ClaimAccumulator& acc, std::mutex& m)
        : mode_(mode), interval_(interval > 0 ? interval : 5), acc_(acc), m_(m) {
        if (mode_ != Mode::off) thread_ = std::thread([this] { loop(); });
    }
    ~Progress() {
        {
            std::lock_guard<std::mutex> l(cv_m_);
            done_ = true;
        }
        cv_.notify_all();
        if (thread_.joinable()) thread_.join();
        if (shown_ && mode_ == Mode::bar) std::fprintf(stderr, "\r%*s\r", 78, "");
    }

private:
    void loop() {
        auto start = clock_type::now();
        double next = mode_ == Mode::bar ? 1.0 : interval_;
        auto tick = std::chrono::milliseconds(mode_ == Mode::bar ? 250 : std::max(10, static_cast<int>(interval_ * 250)));
        std::unique_lock<std::mutex> l(cv_m_);
        while (!cv_.wait_for(l, tick, [this] { return done_; })) {
            double el = std::chrono::duration<double>(clock_type::now() - start).count();
            if (el < next) continue;
            double frac;
            std::size_t leaves;
            {
                std::lock_guard<std::mutex> g(m_);
                frac = acc_.done_volume();
                leaves = acc_.leaves();
            }
            if (mode_ == Mode::bar) {
                int bar = static_cast<int>(frac * 30 + 1e-9);
                if (bar > 30) bar = 30;
                if (bar < 0) bar = 0;
                std::fprintf(stderr, "\r[%.*s%*s] %6.2f%% of the box, %zu leaves, %.0f s", bar,
                             "##############################", 30 - bar, "", 100 * frac, leaves, el);
            } else {
                std::fprintf(stderr, "certify: %.2f%% of the box done, %zu leaves, %.1f s elapsed\n", 100 * frac,
                             leaves, el);
                next = el + interval_;
            }
            std::fflush(stderr);
            shown_ = true;
        }
    }
    Mode mode_;
    double interval_;
    const ClaimAccumulator& acc_;
    std::mutex& m_;
    std::thread thread_;
    std::mutex cv_m_;
    std::condition_variable cv_;
    bool done_ = false, shown_ = false;
};

}  // namespace

std::string part_path(const std::string& path, unsigned rank) { return path + ".part" + std::to_string(rank); }

namespace {

/// Existing part files of `path` ("<path>.part<k>", k decimal), in rank order.
std::vector<std::pair<unsigned, std::string>> existing_parts(const std::string& path) {
    namespace fs = std::filesystem;
    fs::path p(path);
    fs::path dir = p.has_parent_path() ? p.parent_path() : fs::path(".");
    std::string prefix = p.filename().string() + ".part";
    std::vector<std::pair<unsigned, std::string>> out;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        std::string name = e.path().filename().string();
        if (name.rfind(prefix, 0) != 0) continue;
        std::string k = name.substr(prefix.size());
        if (k.empty() || k.size() > 6 || k.find_first_not_of("0123456789") != std::string::npos) continue;
        out.emplace_back(static_cast<unsigned>(std::stoul(k)), (dir / name).string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

/// True if the file holds at least one complete (newline-terminated) line.
bool has_complete_line(const std::string& path) {
    limits::check_not_fifo(path, "--out: ");
    std::ifstream in(path, std::ios::binary);
    for (char ch; in.get(ch);)
        if (ch == '\n') return true;
    return false;
}

}  // namespace

std::optional<std::string> header_difference(const json& h1, const json& h2) {
    for (const char* key : {"claim", "model", "box", "settings"})
        if (h1.value(key, json()) != h2.value(key, json())) return std::string(key);
    return std::nullopt;
}

void remove_parts(const std::string& path) {
    for (const auto& stale : existing_parts(path)) std::filesystem::remove(stale.second);
}

std::size_t merge_parts(const std::string& path, const std::vector<std::size_t>* expected) {
    std::set<std::string> have;
    auto contents = read_certificate(path, [&](std::size_t, const json& leaf) { have.insert(leaf.at("path").dump()); });
    if (contents.summary) throw std::runtime_error("certificate '" + path + "' already has a summary; nothing to merge");
    std::filesystem::resize_file(path, contents.valid_bytes);  // drop a torn tail
    auto parts = existing_parts(path);
    if (expected) {
        for (unsigned k = 0; k < expected->size(); ++k)
            if (std::none_of(parts.begin(), parts.end(), [k](const auto& p) { return p.first == k; }))
                throw std::runtime_error("part file '" + part_path(path, k) + "' of rank " + std::to_string(k) +
                                         " is missing: the distributed run is incomplete (rerun with --resume)");
    }
    CertificateWriter writer(path, true);
    std::size_t appended = 0;
    for (const auto& part : parts) {
        const unsigned k = part.first;
        const std::string& file = part.second;  // (a plain reference: clang 14 lambdas cannot capture bindings)
        std::size_t in_part = 0;
        if (!has_complete_line(file)) {  // a rank stopped before writing its header: no leaves
            if (expected && k < expected->size() && (*expected)[k] != 0)
                throw std::runtime_error("part file '" + file + "' is empty, rank " + std::to_string(k) +
                                         " reported " + std::to_string((*expected)[k]) + " leaves");
            continue;
        }
        auto pc = read_certificate(file, [&](std::size_t, const json& leaf) {
            ++in_part;
            if (have.insert(leaf.at("path").dump()).second) {
                writer.write_line(leaf);
                ++appended;
            }
        }, [&](const json& header) {
            if (header_difference(header, contents.header))
                throw std::runtime_error("part file '" + file + "' belongs to a different run (header differs)");
        });
        if (pc.summary) throw std::runtime_error("part file '" + file + "' has a summary line");
        if (expected && k < expected->size() && in_part != (*expected)[k])
            throw std::runtime_error("part file '" + file + "' holds " + std::to_string(in_part) + " leaves, rank " +
                                     std::to_string(k) + " reported " + std::to_string((*expected)[k]));
    }
    for (const auto& pr : parts) std::filesystem::remove(pr.second);
    return appended;
}

/// A finished leaf read back from a checkpoint by --resume.
struct ResumedLeaf {
    std::size_t line;
    json leaf;
    Box box;
};

/// Re-checks every resumed leaf as `gancert verify` does (check_leaf at its recorded precision),
/// over `threads` workers, before the run counts it: an altered checkpoint would otherwise let
/// certify print a verdict its leaves do not support. The first failing line (lowest) is an
/// error naming --resume; a contradiction between enclosures propagates as soundness_error.
void recheck_resumed(const BoxFunction& f, const Claim& claim, const std::vector<ResumedLeaf>& kept, unsigned threads) {
    std::vector<std::optional<std::string>> errs(kept.size());
    std::atomic<std::size_t> next{0};
    std::exception_ptr unsound;
    std::mutex m;
    auto work = [&] {
        for (std::size_t i; (i = next++) < kept.size();) {
            try {
                errs[i] = check_leaf(f, kept[i].box, claim, kept[i].leaf, 0);
            } catch (const arith::soundness_error&) {
                std::lock_guard<std::mutex> l(m);
                if (!unsound) unsound = std::current_exception();
            } catch (const std::exception& e) {
                errs[i] = std::string("malformed leaf: ") + e.what();
            }
        }
    };
    api::run_workers(static_cast<unsigned>(std::min<std::size_t>(threads, kept.size() + 1)), work);
    if (unsound) std::rethrow_exception(unsound);
    for (std::size_t i = 0; i < kept.size(); ++i)
        if (errs[i])
            throw arith::bad_parameter("resume", "checkpoint line " + std::to_string(kept[i].line) +
                                                     ": the leaf does not re-check (" + *errs[i] +
                                                     "); the checkpoint was altered: run again without --resume");
}

bool is_budget_reason(const std::string& reason) {
    return reason == budget_reason_time || reason == budget_reason_leaves || reason == budget_reason_interrupt ||
           reason == "leaf budget exhausted";
}

std::vector<ReopenedBox> reopen_budget_leaves(const std::string& path, std::size_t dims) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw arith::bad_parameter("resume", "certificate '" + path + "': cannot be opened");
    std::vector<std::string> kept;
    std::vector<ReopenedBox> reopened;
    std::string line;
    std::size_t lineno = 0, offset = 0, first_removed = std::string::npos;
    bool suffix = true;  // the removed leaves (and the summary) are the file's last lines
    while (std::getline(in, line)) {
        if (in.eof()) break;  // torn tail: not a line
        ++lineno;
        std::size_t at = offset;
        offset += line.size() + 1;
        if (lineno == 1) {
            kept.push_back(line);
            continue;
        }
        json j;
        try {
            j = parse_record(line);
        } catch (const std::exception& e) {
            throw arith::bad_parameter("resume", "checkpoint line " + std::to_string(lineno) + ": " + e.what());
        }
        if (j.contains("summary")) {
            if (first_removed == std::string::npos) first_removed = at;
            continue;
        }
        if (j.value("evidence", "") == ev_unknown && j.contains("reason") && j["reason"].is_string() &&
            is_budget_reason(j["reason"].get<std::string>())) {
            unsigned bits = j.contains("bits") && j["bits"].is_number_unsigned() ? j["bits"].get<unsigned>() : 53;
            reopened.push_back({box_from_leaf(j, dims), bits});
            if (first_removed == std::string::npos) first_removed = at;
            continue;
        }
        if (first_removed != std::string::npos) suffix = false;
        kept.push_back(line);
    }
    in.close();
    if (reopened.empty()) return reopened;
    if (suffix) {
        std::filesystem::resize_file(path, first_removed);  // one truncation
    } else {
        // Rewritten into a temporary renamed over the checkpoint (api/output_file.hpp): a crash
        // or a full disk part-way leaves the old checkpoint, which a later --resume reopens again.
        api::OutputFile out(path, "resume", std::ios::binary);
        for (const auto& l : kept) out.stream() << l << '\n';
        out.commit();
    }
    return reopened;
}

void extrema_incumbents(const BoxFunction& f, const Box& root, Incumbents& out, double seconds) {
    using arith::idouble;
    const auto end = clock_type::now() + std::chrono::duration_cast<clock_type::duration>(std::chrono::duration<double>(seconds));
    auto value = [&](const std::vector<Decimal>& x) -> std::optional<idouble> {
        if ((seconds > 0 && clock_type::now() >= end) || stop_requested()) return std::nullopt;
        try {
            idouble J = f.enclose(point_intervals<idouble>(x)).J;
            if (!std::isfinite(J.lower()) || !std::isfinite(J.upper())) return std::nullopt;
            return J;
        } catch (const arith::soundness_error&) {
            throw;
        } catch (const std::exception&) {
            return std::nullopt;
        }
    };
    std::optional<std::pair<std::vector<Decimal>, double>> best_max, best_min;
    auto consider = [&](const std::vector<Decimal>& x) {  // J at x: incumbents and best points
        auto v = value(x);
        if (!v) return;
        out.offer_max_lo(v->lower());
        out.offer_min_hi(v->upper());
        double c = arith::to_double(*v);
        if (!best_max || c > best_max->second) best_max = {x, c};
        if (!best_min || c < best_min->second) best_min = {x, c};
    };
    for (const Box& b : initial_partition(root, 64)) consider(b.midpoint());
    // The corners of the box (up to 4 dimensions): extrema often sit on the boundary.
    if (root.dims() <= 4)
        for (unsigned m = 0; m < (1u << root.dims()); ++m) {
            std::vector<Decimal> x(root.dims());
            for (std::size_t i = 0; i < root.dims(); ++i) x[i] = (m >> i) & 1 ? root.hi[i] : root.lo[i];
            consider(x);
        }
    // Compass search (exact decimal points in the closed box; deterministic).
    auto search = [&](std::vector<Decimal> x, double fx, bool maximise) {
        std::size_t n = root.dims();
        std::vector<Decimal> step(n);
        for (std::size_t i = 0; i < n; ++i) step[i] = (root.hi[i] - root.lo[i]) * Decimal::parse("0.0625");
        int halvings = 0, evals = 0;
        while (halvings < 20 && evals < 300) {
            bool improved = false;
            for (std::size_t i = 0; i < n; ++i)
                for (int sg : {1, -1}) {
                    std::vector<Decimal> y = x;
                    if (sg > 0 ? x[i] == root.hi[i] : x[i] == root.lo[i]) continue;
                    y[i] = sg > 0 ? x[i] + step[i] : x[i] - step[i];
                    if (y[i] < root.lo[i]) y[i] = root.lo[i];  // clamped: faces and corners reachable
                    if (root.hi[i] < y[i]) y[i] = root.hi[i];
                    auto v = value(y);
                    ++evals;
                    if (!v) continue;
                    double c = arith::to_double(*v);
                    if (maximise ? c > fx : c < fx) {
                        x = std::move(y);
                        fx = c;
                        improved = true;
                        if (maximise) out.offer_max_lo(v->lower());
                        else out.offer_min_hi(v->upper());
                    }
                }
            if (!improved) {
                for (auto& s : step) s = s.half();
                ++halvings;
            }
        }
    };
    if (best_max) search(best_max->first, best_max->second, true);
    if (best_min) search(best_min->first, best_min->second, false);
}

std::vector<ReopenedBox> resume_tasks(const std::string& path, const Box& root, const std::vector<ReopenedBox>& reopened,
                                      std::size_t initial) {
    TilingChecker tiling(root);
    std::size_t leaves = 0;
    read_certificate(path, [&](std::size_t line, const json& leaf) {
        Box B = box_from_leaf(leaf, root.dims());
        if (auto err = tiling.add(B.path, B))
            throw arith::bad_parameter("resume", "checkpoint line " + std::to_string(line) + ": " + *err);
        ++leaves;
    });
    std::vector<ReopenedBox> out;
    if (leaves == 0 && reopened.empty()) {
        for (auto& b : initial_partition(root, std::max<std::size_t>(initial, 1))) out.push_back({std::move(b), 53});
        return out;
    }
    // The re-opened boxes themselves (not the coarser gaps of the tree they leave), at the
    // precision they had reached: the run continues exactly where it stopped.
    std::set<std::string> under_reopened;  // paths of the re-opened boxes and their prefixes
    for (const auto& r : reopened) {
        Box p = r.box;
        for (;;) {
            under_reopened.insert(leaf_record(p, json::object()).at("path").dump());
            if (p.path.empty()) break;
            p.path.pop_back();
        }
    }
    for (auto& b : tiling.missing_boxes())  // other gaps (an interrupted run)
        if (!under_reopened.count(leaf_record(b, json::object()).at("path").dump())) out.push_back({std::move(b), 53});
    for (const auto& r : reopened) out.push_back(r);
    return out;
}

std::vector<Box> pending_boxes(const std::string& path, const Box& root, std::size_t initial) {
    std::vector<Box> out;
    for (auto& t : resume_tasks(path, root, {}, initial)) out.push_back(std::move(t.box));
    return out;
}

json run_settings(const CertifyOptions& opt) {
    json s = {{"min_width", opt.min_width}, {"max_bits", opt.max_bits}};
    if (!opt.witness_first) s["witness_search"] = false;  // absent: on (older certificates too)
    return s;
}

CertifyResult certify(const BoxFunction& f, const Box& root, const Claim& claim, const CertifyOptions& opt) {
    auto t0 = clock_type::now();
    if (opt.out.empty()) throw arith::bad_parameter("out", "a certificate path is required");
    limits::resolve_threads(opt.threads);
    limits::check_initial_boxes(opt.initial_boxes);
    limits::check_max_bits(opt.max_bits);
    OutputLock lock(opt.out);  // before anything is read or truncated
    json header = make_header(f, f.names(), root, claim, run_settings(opt));
    const bool part = opt.tasks.has_value();
    ClaimAccumulator acc(claim, root, f.names());
    const auto ladder = precision_ladder(opt.max_bits);
    auto level_of = [&ladder](unsigned bits) {
        for (unsigned i = 0; i < ladder.size(); ++i)
            if (ladder[i] == bits) return i;
        return 0u;
    };
    std::vector<Task> tasks;
    std::size_t resumed = 0;
    std::size_t checkpoint_refuted_depth = static_cast<std::size_t>(-1);  // of a refuting leaf already there
    bool append = false;

    if (!part && opt.resume && std::filesystem::exists(opt.out) && std::filesystem::file_size(opt.out) > 0) {
        json h;
        read_certificate(opt.out, [](std::size_t, const json&) {}, [&](const json& hd) { h = hd; });
        if (auto key = header_difference(h, header))
            throw arith::bad_parameter("resume", "checkpoint '" + opt.out + "' was made with a different " + *key);
        // A run stopped by a budget: its budget-unknown leaves and summary are removed and
        // exactly those boxes are computed again (at the precision level they had reached).
        std::vector<ReopenedBox> reopened = reopen_budget_leaves(opt.out, root.dims());
        lock.relock();  // the checkpoint may have been rewritten by a rename
        auto c0 = read_certificate(opt.out, [](std::size_t, const json&) {});
        const bool finished = c0.summary.has_value();
        TilingChecker tiling(root);
        if (!finished) merge_parts(opt.out, nullptr);  // leaves of an interrupted distributed run
        std::vector<ResumedLeaf> kept;
        auto contents = read_certificate(opt.out, [&](std::size_t line, const json& leaf) {
            Box B = box_from_leaf(leaf, root.dims());
            if (leaf_refutes(claim.kind, leaf)) checkpoint_refuted_depth = std::min(checkpoint_refuted_depth, B.path.size());
            if (auto err = tiling.add(B.path, B))
                throw arith::bad_parameter("resume", "checkpoint line " + std::to_string(line) + ": " + *err);
            kept.push_back({line, leaf, std::move(B)});
            ++resumed;
        });
        // A checkpoint is untrusted data: its leaves count only after the verifier's check.
        recheck_resumed(f, claim, kept, limits::resolve_threads(opt.threads));
        if (contents.summary) {  // finished already: report what its leaves prove
            Assembly a = assemble_certificate(opt.out);
            CertifyResult r{a.summary, a.verdict, 0};
            r.summary["stats"] = contents.summary->value("stats", json::object());
            return r;
        }
        std::filesystem::resize_file(opt.out, contents.valid_bytes);
        for (auto& r : resume_tasks(opt.out, root, reopened, opt.initial_boxes))
            tasks.push_back({std::move(r.box), level_of(r.bits)});
        append = true;
    }
    CertificateWriter writer(opt.out, append);
    if (!append) {
        if (!part) remove_parts(opt.out);
        writer.write_line(header);
        if (part) {
            for (std::size_t i = 0; i < opt.tasks->size(); ++i)
                tasks.push_back({(*opt.tasks)[i], level_of(i < opt.task_bits.size() ? opt.task_bits[i] : 53)});
        } else {
            for (auto& b : initial_partition(root, opt.initial_boxes)) tasks.push_back({std::move(b), 0});
        }
    }
    // Extrema: incumbents fixed up front from the root alone (same on every path: threads,
    // MPI ranks, resume), so each box's decision is independent of the others.
    Incumbents inc;

    std::mutex acc_mutex;
    std::atomic<std::size_t> leaves{0};
    auto emit = [&](const Box& B, const json& ev) {
        json rec = leaf_record(B, ev);
        {
            std::lock_guard<std::mutex> l(acc_mutex);
            acc.add(rec, B);  // for the progress display only; the verdict is re-read from the file
        }
        writer.write_line(rec);
        ++leaves;
    };
    auto unknown = [&](const Box& B, const std::string& reason, unsigned bits) {
        emit(B, to_json(LeafEvidence{bits, UnknownEvidence{reason}}));
    };

    // Budgets: once one is reached no box is analysed any more; the boxes taken afterwards are
    // collected and written below as unknown leaves (sorted by path: the file does not depend
    // on which thread held which box).
    std::atomic<bool> budget_hit{false};
    std::mutex budget_mutex;
    std::string budget_reason;
    std::vector<Task> unfinished;
    auto over_budget = [&]() {
        if (budget_hit.load()) return true;
        const char* why = nullptr;
        if (leaves.load() >= opt.max_leaves) why = budget_reason_leaves;
        else if (opt.time_limit > 0 && std::chrono::duration<double>(clock_type::now() - t0).count() >=
                                           analysis_share_of_time_limit * opt.time_limit)
            why = budget_reason_time;
        else if (stop_requested()) why = budget_reason_interrupt;
        if (!why) return false;
        std::lock_guard<std::mutex> l(budget_mutex);
        if (budget_reason.empty()) budget_reason = why;
        budget_hit = true;
        return true;
    };

    unsigned threads = limits::resolve_threads(opt.threads);
    // Level by level (level = depth of the box in the bisection tree): every box of a depth is
    // decided (or split, its children one level deeper) before any deeper box. Once a leaf of
    // depth d refutes the claim (here or in the checkpoint), no box deeper than d is examined:
    // those become unknown leaves "not examined: claim refuted". The leaf set is then a function
    // of the input alone (threads, resume, MPI ranks: opt.level_barrier).
    const bool early_stop = claim.kind != ClaimKind::extrema;
    constexpr std::size_t none = static_cast<std::size_t>(-1);
    std::size_t refuted_depth = early_stop ? std::min(opt.refuted_depth, checkpoint_refuted_depth) : none;
    std::atomic<bool> refuted{false};
    bool stopped_refuted = false;
    auto by_path = [](const Task& x, const Task& y) { return compare_paths(x.box.path, y.box.path) < 0; };
    std::vector<Task> queue = std::move(tasks);
    tasks.clear();
    auto min_depth = [&queue] {
        std::size_t m = static_cast<std::size_t>(-1);
        for (const auto& t : queue) m = std::min(m, t.box.path.size());
        return m;
    };
    // Witness first (witness_search.hpp): a refuting leaf found directly ends the run with that
    // leaf and the siblings of its ancestors; otherwise the breadth-first run below decides.
    std::optional<WitnessTiling> witness;
    if (!part && (witness = witness_completion(f, root, claim, opt, opt.out)))
        for (const json& rec : witness->records) {
            writer.write_line(rec);
            ++leaves;
        }
    if (!witness) {
        Progress progress(opt.progress ? opt.progress_mode : CertifyOptions::ProgressMode::off, opt.progress_interval,
                          acc, acc_mutex);
        if (claim.kind == ClaimKind::extrema) extrema_incumbents(f, root, inc, opt.time_limit / 4);
        std::size_t depth = min_depth();
        if (opt.level_barrier) std::tie(refuted_depth, depth) = opt.level_barrier(refuted_depth, depth);
        for (;;) {
            if (depth == none) break;
            if (refuted_depth != none && depth > refuted_depth) {
                std::sort(queue.begin(), queue.end(), by_path);
                for (const Task& t : queue) unknown(t.box, reason_refuted, ladder[t.level]);
                queue.clear();
                stopped_refuted = true;
                break;
            }
            std::vector<Task> level, next;
            for (auto& t : queue) (t.box.path.size() == depth ? level : next).push_back(std::move(t));
            std::sort(level.begin(), level.end(), by_path);
            std::mutex next_mutex;
            WorkPool<Task> pool(threads);
            for (std::size_t i = 0; i < level.size(); ++i) pool.push(std::move(level[i]), static_cast<unsigned>(i));
            pool.run([&](Task& t, unsigned, const WorkPool<Task>::Spawn&) {
                if (over_budget()) {
                    std::lock_guard<std::mutex> l(budget_mutex);
                    unfinished.push_back(std::move(t));
                    return;
                }
                unsigned li = t.level;
                BoxDecision d;
                bool exhausted = false;
                for (;;) {
                    d = analyse_box(f, t.box, claim, ladder[li], &inc);
                    if (d.kind == BoxDecision::final_leaf) {
                        json ev = to_json(*d.evidence);
                        if (early_stop && leaf_refutes(claim.kind, ev)) refuted = true;
                        emit(t.box, ev);
                        return;
                    }
                    if (d.kind == BoxDecision::escalate) {
                        if (li + 1 < ladder.size()) { ++li; continue; }
                        exhausted = true;
                    }
                    break;
                }
                if (beyond_unbounded_cap(t.box)) {
                    unknown(t.box, std::string(t.box.bounded() ? "box" : "unbounded box") + " beyond |x| = 1e30 not covered by a lemma (" +
                                       d.reason + ")",
                            ladder[li]);
                    return;
                }
                bool failed = d.reason.rfind("evaluation failed", 0) == 0;
                const unsigned dim = split_dimension(t.box, root, d.split_dims);
                const double width = t.box.scaled_width(dim, root);
                if (width <= detail::width_floor(opt.min_width, d.reason)) {
                    if (d.evidence && d.evidence->get<BoundedEvidence>()) {
                        emit(t.box, to_json(*d.evidence));
                        return;
                    }
                    std::string why = failed ? d.reason
                                      : exhausted ? "precision budget exhausted (" + d.reason + ")"
                                                  : "minimum width reached (" + d.reason + ")";
                    unknown(t.box, why, ladder[li]);
                    return;
                }
                auto [l, u] = t.box.bisect(dim);
                std::lock_guard<std::mutex> g(next_mutex);
                next.push_back({std::move(l), li});
                next.push_back({std::move(u), li});
            });
            queue = std::move(next);
            if (budget_hit.load()) {  // budget: no further level is started
                std::lock_guard<std::mutex> l(budget_mutex);
                for (auto& t : queue) unfinished.push_back(std::move(t));
                queue.clear();
            }
            if (refuted.load()) refuted_depth = std::min(refuted_depth, depth);
            depth = min_depth();
            if (opt.level_barrier) std::tie(refuted_depth, depth) = opt.level_barrier(refuted_depth, depth);
        }
        std::sort(unfinished.begin(), unfinished.end(), by_path);
        for (const Task& t : unfinished) unknown(t.box, budget_reason, ladder[t.level]);
    }
    CertifyResult r;
    r.seconds = std::chrono::duration<double>(clock_type::now() - t0).count();
    json stats = {{"seconds", r.seconds}, {"threads", threads}, {"leaves_this_run", leaves.load()},
                  {"resumed_leaves", resumed}};
    if (!budget_reason.empty()) stats["budget"] = budget_reason;
    if (stopped_refuted) stats["stopped"] = reason_refuted;
    if (witness) stats["witness"] = {{"depth", witness->depth}, {"candidates", witness->candidates}, {"analyses", witness->analyses}};
    if (part) {  // a part of a distributed run: rank 0 merges and summarises
        r.summary = {{"leaves", leaves.load()}, {"stats", stats}};
        return r;
    }
    // The verdict is computed from the leaves actually in the file (exact tiling check).
    Assembly a = assemble_certificate(opt.out);
    if (a.inconsistency) throw arith::soundness_error("certificate '" + opt.out + "': " + *a.inconsistency);
    r.summary = a.summary;
    r.summary["stats"] = stats;
    writer.write_line({{"summary", r.summary}});
    r.verdict = a.verdict;
    return r;
}

CertifyResult finish_certificate(const std::string& path, double seconds, const json& stats) {
    Assembly a = assemble_certificate(path);
    if (a.recorded_summary) throw std::runtime_error("certificate '" + path + "' already has a summary");
    if (a.inconsistency) throw arith::soundness_error("certificate '" + path + "': " + *a.inconsistency);
    CertifyResult r;
    r.seconds = seconds;
    r.summary = a.summary;
    r.summary["stats"] = stats;
    CertificateWriter writer(path, true);
    writer.write_line({{"summary", r.summary}});
    r.verdict = a.verdict;
    return r;
}

}  // namespace gancert::certify
