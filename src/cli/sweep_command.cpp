#include "cli/sweep_command.hpp"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <exception>
#include <map>
#include <optional>
#include <sstream>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "cli/exit_codes.hpp"
#include "cli/number_options.hpp"
#include "cli/progress_bar.hpp"
#include "cli/train_command.hpp"
#include "io/atomic_file.hpp"
#include "io/bounded_read.hpp"
#include "io/file_lock.hpp"
#include "io/run_directory.hpp"
#include "support/child_process.hpp"
#include "support/error.hpp"
#include "support/interrupt.hpp"
#include "train/run_identity.hpp"

namespace cogo::cli {

namespace fs = std::filesystem;

namespace {

constexpr unsigned kMaxJobs = 1024;
constexpr const char* kManifestFormat = "cogo-sweep";
constexpr int kManifestVersion = 2;
constexpr std::uintmax_t kMaxManifestBytes = std::uintmax_t{64} << 20;

/// A CLI11 check for a whole-number option: plain digits, 1..max (CLI11 alone would wrap "-1" around).
CLI::Validator whole_number_up_to(std::uintmax_t max) {
    return CLI::Validator(
        [max](std::string& text) -> std::string {
            std::uintmax_t v = 0;
            const auto r = std::from_chars(text.data(), text.data() + text.size(), v);
            if (text.empty() || text.find_first_not_of("0123456789") != std::string::npos || r.ec != std::errc() ||
                r.ptr != text.data() + text.size() || v < 1 || v > max)
                return "must be a whole number from 1 to " + std::to_string(max) + ", got '" + text + "'";
            return {};
        },
        "1.." + std::to_string(max));
}

std::string this_executable() {
    std::error_code ec;
    const fs::path p = fs::read_symlink("/proc/self/exe", ec);
    if (ec) throw InvalidInput("sweep: cannot find the cogo executable (/proc/self/exe: " + ec.message() + "); pass --executable");
    return p.string();
}

std::vector<std::string> train_arguments(const train::SweepRun& run, const fs::path& dir, bool overwrite,
                                         double log_every) {
    const train::TrainConfig& c = run.config;
    std::vector<std::string> args = {
        "train", "--group", c.group, "--width", std::to_string(c.width),
        "--wd", train::shortest_decimal(c.weight_decay), "--lr", train::shortest_decimal(c.lr),
        "--seed", std::to_string(c.seed), "--steps", std::to_string(c.steps),
        "--test-fraction", train::shortest_decimal(c.test_fraction), "--threads", std::to_string(c.threads),
        "--precision", train::precision_name(c.precision), "--loss", train::loss_name(c.loss),
        "--activation", train::activation_name(c.activation), "--optimizer", train::optimizer_name(c.optimizer),
        "--momentum", train::shortest_decimal(c.momentum), "--eval-every", std::to_string(c.eval_every),
        "--log-every", train::shortest_decimal(log_every), "--out", dir.string()};
    if (overwrite) args.push_back("--overwrite");
    // options added later are passed only when set, so the command lines of the paper's runs stay as they were
    if (c.batch_size > 0) args.insert(args.end(), {"--batch-size", std::to_string(c.batch_size)});
    if (c.init_scale != 1.0) args.insert(args.end(), {"--init-scale", train::shortest_decimal(c.init_scale)});
    if (c.gradient_path != train::GradientPath::automatic)
        args.insert(args.end(), {"--gradient-path", train::gradient_path_name(c.gradient_path)});
    return args;
}

/// The settings every run of the sweep shares: a run's identity without the grid's axes. The test fraction
/// is one of them when the sweep has several; the gradient path is the requested one (the path a run takes
/// depends on its group and width), recorded when it is not "auto".
nlohmann::json shared_settings(const train::TrainConfig& base, std::size_t test_fractions) {
    nlohmann::json s = train::run_identity(base);
    for (const char* axis : {"group", "width", "lr", "wd", "seed", "gradient_path", "batch_size"}) s.erase(axis);
    if (base.batch_size > 0) s["batch_size"] = base.batch_size;
    if (test_fractions > 1) s.erase("test_fraction");
    if (base.gradient_path != train::GradientPath::automatic)
        s["gradient_path_option"] = train::gradient_path_name(base.gradient_path);
    return s;
}

/// Checks SWEEPDIR/sweep.json (if any) against this sweep's shared settings; returns the run names it lists.
std::vector<std::string> check_manifest(const fs::path& path, const nlohmann::json& settings, const std::string& root) {
    std::error_code ec;
    if (!fs::exists(fs::symlink_status(path, ec))) return {};
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(read_regular_file_bounded(path, kMaxManifestBytes));
    } catch (const nlohmann::json::exception& e) {
        throw InvalidInput("sweep: " + path.string() + " is not valid JSON (" + e.what() + "); use another --out");
    }
    if (!doc.is_object() || doc.value("format", "") != kManifestFormat || !doc.contains("version") ||
        doc.at("version") != kManifestVersion || !doc.contains("settings") || !doc.contains("runs") ||
        !doc.at("runs").is_array())
        throw InvalidInput("sweep: " + root + " holds a sweep written by an older cogo (" + path.string() +
                           "); its runs cannot be checked against these settings: use another --out");
    if (doc.at("settings") != settings)
        throw InvalidInput("sweep: " + root + " belongs to a different sweep (" +
                           train::identity_difference(doc.at("settings"), settings) +
                           "); use another --out, or the same shared settings to extend it");
    std::vector<std::string> names;
    for (const auto& n : doc.at("runs"))
        if (n.is_string()) names.push_back(n.get<std::string>());
    return names;
}

std::string run_outcome(const fs::path& dir, bool& diverged) {
    diverged = false;
    try {
        const nlohmann::json s = nlohmann::json::parse(read_regular_file_bounded(dir / run_files::summary, kMaxManifestBytes));
        const auto& f = s.at("final");
        const nlohmann::json& loss = f.at("train_loss");
        std::ostringstream text;
        if (s.value("diverged", false) || !loss.is_number()) {
            diverged = true;
            text << "DIVERGED (final train loss not finite)";
            return text.str();
        }
        text << "train loss " << std::scientific << std::setprecision(2) << loss.get<double>();
        if (f.contains("test_accuracy") && f.at("test_accuracy").is_number())
            text << ", test accuracy " << std::fixed << std::setprecision(2) << 100 * f.at("test_accuracy").get<double>() << "%";
        return text.str();
    } catch (const std::exception& e) {
        return std::string("summary unreadable: ") + e.what();
    }
}

}  // namespace

void setup_sweep_command(CLI::App& command, SweepOptions& o) {
    auto* cmd = &command;
    cmd->add_option("--out,-o", o.out, "Sweep directory SWEEPDIR (one sub-directory per run)")->required();
    cmd->add_option("--d,--group,-g", o.groups, "Groups, comma-separated (23,71 or 2x4)")->capture_default_str();
    cmd->add_option("--width,-q", o.widths, "Widths, comma-separated")->capture_default_str();
    cmd->add_option("--wd", o.wds, "Weight decays, comma-separated")->capture_default_str();
    cmd->add_option("--lr", o.lrs, "Learning rates, comma-separated")->capture_default_str();
    cmd->add_option("--seeds", o.seeds, "Seeds: list with ranges, e.g. 1-5 or 1,3,7-9")->capture_default_str();
    cmd->add_option("--steps", o.steps, "Optimizer steps per run")->check(whole_number_up_to(kMaxSteps))->capture_default_str();
    auto* test_option = cmd->add_option("--test-fraction", o.test_fractions,
                                        "Shares of pairs held out, comma-separated (each in [0, 1); a sweep axis)")
                            ->capture_default_str();
    auto* train_option = cmd->add_option("--train-fraction", o.train_fractions,
                                         "Shares of pairs trained on, comma-separated (each in (0, 1]; instead of "
                                         "--test-fraction: 0.3,0.5,0.9 holds out exactly 0.7,0.5,0.1)");
    test_option->excludes(train_option);
    cmd->add_option("--batch-size", o.batch_size, "Train pairs per step (0: full batch)")
        ->transform(whole_number(0, std::uint64_t{1} << 28))->capture_default_str();
    cmd->add_option("--init-scale", o.init_scale, "Factor on the initial weights")
        ->transform(real_number({0, 1e6, true}))->capture_default_str();
    cmd->add_option("--gradient-path", o.gradient_path, "auto, direct or all-pairs (see cogo train)")
        ->capture_default_str();
    cmd->add_option("--precision", o.precision, "float32 or float64")->capture_default_str();
    cmd->add_option("--loss", o.loss, "mse or ce")->capture_default_str();
    cmd->add_option("--activation", o.activation, "quadratic or relu")->capture_default_str();
    cmd->add_option("--optimizer", o.optimizer, "adam, adamw or sgd")->capture_default_str();
    cmd->add_option("--threads-per-job", o.threads_per_job, "Threads of each run")->check(whole_number_up_to(kMaxJobs))
        ->capture_default_str();
    cmd->add_option("--jobs,-j", o.jobs, "Runs at a time (default: cores / threads per job)")->check(whole_number_up_to(kMaxJobs));
    cmd->add_option("--shard", o.shard, "Run only shard I of N (0-based): runs r with r mod N == I")->capture_default_str();
    cmd->add_flag("--dry-run", o.dry_run, "List the runs of the shard and whether they are complete; run nothing");
    cmd->add_option("--executable", o.executable, "The cogo executable to run (default: this one)");
    cmd->add_option("--log-every", o.log_every,
                    "Seconds between progress lines: the sweep's on stderr when it is not a terminal (a bar "
                    "otherwise), each run's in its log (0: none)")
        ->capture_default_str();
    cmd->footer("Each run: SWEEPDIR/g<group>_q<width>_wd<wd>_lr<lr>_s<seed>/ (cogo train's files), log in SWEEPDIR/logs/.\n"
                "Complete runs (completion marker valid, made with exactly this run's settings) are skipped, so\n"
                "re-running resumes; SWEEPDIR/sweep.json holds the settings shared by its runs, and a sweep with other\n"
                "shared settings is refused. One sweep at a time per SWEEPDIR (a lock file); each run is locked while\n"
                "its cogo train writes it. SIGINT/SIGTERM are forwarded to the runs.\n"
                "Cluster job arrays: e.g. Slurm `#SBATCH --array=0-7` and `cogo sweep ... --shard $SLURM_ARRAY_TASK_ID/8`\n"
                "with SWEEPDIR on a shared file system. Exit codes: 0 all runs complete, 2 bad input, 3 SWEEPDIR or a\n"
                "run busy (another sweep), 4 a run failed, 130/143 interrupted.\n");
}

int run_sweep(const SweepOptions& o, std::ostream& out) {
    if (o.out.empty()) throw InvalidInput("sweep: --out SWEEPDIR is required");
    if (o.steps < 1 || o.steps > kMaxSteps)
        throw InvalidInput("--steps must be a whole number from 1 to " + std::to_string(kMaxSteps));
    if (o.threads_per_job < 1 || o.threads_per_job > kMaxJobs)
        throw InvalidInput("--threads-per-job must be from 1 to " + std::to_string(kMaxJobs));
    if (o.jobs > kMaxJobs) throw InvalidInput("--jobs must be at most " + std::to_string(kMaxJobs));
    train::SweepGrid grid;
    grid.groups = train::split_list(o.groups, "--group");
    grid.widths = train::parse_count_list(o.widths, "--width", std::size_t{1} << 24);
    grid.weight_decays = train::parse_real_list(o.wds, "--wd");
    grid.lrs = train::parse_real_list(o.lrs, "--lr");
    grid.seeds = train::parse_seed_list(o.seeds);
    ProgressBar::check_log_every(o.log_every);
    // the shared settings go through cogo train's own option resolution, so a sweep accepts exactly what
    // its runs will accept
    TrainCommandOptions shared;
    shared.config.steps = o.steps;
    if (!o.train_fractions.empty()) {
        for (const std::string& item : train::split_list(o.train_fractions, "--train-fraction"))
            grid.test_fractions.push_back(complement_fraction(item, "--train-fraction"));
    } else {
        for (const std::string& item : train::split_list(o.test_fractions, "--test-fraction"))
            grid.test_fractions.push_back(parse_real_number(item, {0, 1, false, true}, "--test-fraction"));
    }
    shared.config.test_fraction = grid.test_fractions.front();
    shared.config.group = grid.groups.front();  // validated with the grid's first run's group and width
    shared.config.width = grid.widths.front();
    shared.config.batch_size = o.batch_size;
    shared.config.init_scale = o.init_scale;
    shared.gradient_path = o.gradient_path;
    shared.config.threads = o.threads_per_job;
    shared.config.eval_every = std::max<std::size_t>(1, o.steps / 200);
    shared.precision = o.precision;
    shared.loss = o.loss;
    shared.activation = o.activation;
    shared.optimizer = o.optimizer;
    grid.base = resolve_config(shared);
    const std::vector<train::SweepRun> all = train::expand(grid);
    const train::Shard shard = train::parse_shard(o.shard);
    const std::vector<train::SweepRun> runs = train::select_shard(all, shard);
    const std::string exe = o.executable.empty() ? this_executable() : o.executable;
    require_executable(exe, "sweep: --executable");
    const fs::path root(o.out);
    std::error_code ec;
    if (fs::exists(fs::symlink_status(root, ec)) && !fs::is_directory(root, ec))
        throw InvalidInput("sweep: " + o.out + " exists and is not a directory");

    // one sweep per folder at a time (not for --dry-run, which only reads)
    std::optional<FileLock> sweep_lock;
    if (!o.dry_run) {
        fs::create_directories(root / "logs", ec);
        if (ec) throw InvalidInput("sweep: cannot create " + (root / "logs").string() + ": " + ec.message());
        fs::create_directories(root / ".locks", ec);
        if (ec) throw InvalidInput("sweep: cannot create " + (root / ".locks").string() + ": " + ec.message());
        sweep_lock = FileLock::try_lock(root / ".cogo-sweep.lock");
        if (!sweep_lock)
            throw ResourceLimit("sweep: another cogo sweep is running on " + o.out + " (it holds " +
                                (root / ".cogo-sweep.lock").string() + "); wait for it or use another --out");
    }
    const nlohmann::json settings = shared_settings(grid.base, grid.test_fractions.size());
    std::vector<std::string> listed = check_manifest(root / "sweep.json", settings, o.out);

    std::vector<const train::SweepRun*> pending;
    std::vector<std::string> states;
    for (const auto& r : runs) {
        std::string why;
        const train::RunState state = train::run_state(root / r.name, r.config, &why);
        if (state == train::RunState::foreign)
            throw InvalidInput("sweep: " + (root / r.name).string() + " holds a run with other settings (" + why +
                               "); it is not this sweep's run: use another --out");
        if (state == train::RunState::complete) {
            states.push_back("complete ");
            continue;
        }
        states.push_back(state == train::RunState::absent ? "pending  " : "redo     ");
        pending.push_back(&r);
        if (state == train::RunState::incomplete && o.dry_run) states.back() += "(" + why + ") ";
    }
    out << "sweep: " << all.size() << " runs in the grid, " << runs.size() << " in shard " << shard.index << "/"
        << shard.count << ", " << runs.size() - pending.size() << " already complete, " << pending.size() << " to run\n";
    if (o.dry_run) {
        for (std::size_t i = 0; i < runs.size(); ++i) out << "  " << states[i] << runs[i].name << "\n";
        return exit_ok;
    }
    if (pending.empty()) return exit_ok;
    out.flush();  // before the progress lines on stderr

    // sweep.json: the shared settings and every run name any sweep of these settings scheduled here
    for (const auto& r : all) listed.push_back(r.name);
    std::sort(listed.begin(), listed.end());
    listed.erase(std::unique(listed.begin(), listed.end()), listed.end());
    const nlohmann::json manifest = {{"format", kManifestFormat}, {"version", kManifestVersion},
                                     {"settings", settings}, {"runs", listed}};
    write_file_atomically(root / "sweep.json", manifest.dump(2) + "\n");

    const unsigned cores = std::max(1U, std::thread::hardware_concurrency());
    const unsigned jobs = o.jobs ? o.jobs : std::max(1U, cores / o.threads_per_job);
    using Clock = std::chrono::steady_clock;
    struct Running {
        const train::SweepRun* run;
        Clock::time_point start;
    };
    InterruptScope interrupt_scope;  // SIGINT / SIGTERM: forwarded to the runs, then the sweep stops
    std::map<pid_t, Running> running;
    std::size_t next = 0, finished = 0, failed = 0, busy = 0, diverged = 0;
    int forwarded = 0;
    ProgressBar bar(stderr, pending.size(), "sweep", false, o.log_every);
    // if the sweep itself fails mid-way, its runs are stopped rather than left running unattended
    struct StopRunsOnError {
        std::map<pid_t, Running>& running;
        ~StopRunsOnError() {
            if (!std::uncaught_exceptions()) return;
            for (const auto& [pid, r] : running) ::kill(pid, SIGTERM);
            for (const auto& [pid, r] : running) (void)wait_child(pid);
        }
    } stop_runs_on_error{running};
    while ((next < pending.size() && !forwarded) || !running.empty()) {
        if (const int sig = InterruptScope::pending(); sig && !forwarded) {
            forwarded = sig;
            for (const auto& [pid, r] : running) ::kill(pid, sig);
            out << "sweep: " << (sig == SIGTERM ? "SIGTERM" : "SIGINT") << ": passed on to " << running.size()
                << " running run(s); waiting for them\n";
            out.flush();
        }
        while (!forwarded && next < pending.size() && running.size() < jobs) {
            const train::SweepRun* r = pending[next++];
            // the run's lock, handed to its cogo train: held as long as that process lives, even if this
            // sweep dies, so a resumed sweep never starts a second writer on the same run
            std::optional<FileLock> run_lock = FileLock::try_lock(root / ".locks" / (r->name + ".lock"));
            if (!run_lock) {
                ++busy;
                out << "[busy] " << r->name << ": another process (an earlier sweep's run?) is writing it; skipped\n";
                continue;
            }
            // checked again under the lock: a previous writer may have finished it meanwhile, or someone put
            // another run there (never overwritten)
            std::string why;
            const train::RunState now = train::run_state(root / r->name, r->config, &why);
            if (now == train::RunState::complete) {
                out << "[done] " << r->name << ": completed meanwhile by another process\n";
                continue;
            }
            if (now == train::RunState::foreign) {
                ++failed;
                out << "[foreign] " << r->name << ": now holds a run with other settings (" << why << "); left alone\n";
                continue;
            }
            const fs::path log = root / "logs" / (r->name + ".log");
            const int fd = ::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
            if (fd < 0) throw InvalidInput("sweep: cannot write the log " + log.string() + ": " + std::strerror(errno));
            pid_t pid = -1;
            try {
                pid = spawn_child(ChildSpec{exe, train_arguments(*r, root / r->name, now == train::RunState::incomplete, o.log_every), fd,
                                            run_lock->fd()});
            } catch (...) {
                ::close(fd);
                throw;
            }
            ::close(fd);
            running.emplace(pid, Running{r, Clock::now()});
        }
        if (running.empty()) break;
        pid_t pid = -1;
        ChildExit status;
        if (bar.enabled()) {  // poll, so that the progress is shown while the runs are going
            if (!wait_any_child(pid, status, false)) {
                if (pid < 0 && errno != EINTR) break;
                bar.update(finished, std::to_string(running.size()) + " running, " + std::to_string(failed) + " failed");
                ::usleep(100 * 1000);
                continue;
            }
        } else if (!wait_any_child(pid, status)) {
            if (errno == EINTR) continue;
            break;
        }
        auto it = running.find(pid);
        if (it == running.end()) continue;
        bar.clear();
        const Running done = it->second;
        running.erase(it);
        ++finished;
        const double seconds = std::chrono::duration<double>(Clock::now() - done.start).count();
        std::string why;
        // cogo train exits 1 for a diverged run and still writes it whole: a finished run, reported as DIVERGED
        const bool ok = status.exited && (status.code == 0 || status.code == exit_refuted) &&
                        train::run_state(root / done.run->name, done.run->config, &why) == train::RunState::complete;
        out << "[" << finished << "/" << pending.size() << "] " << done.run->name << ": ";
        if (ok) {
            bool run_diverged = false;
            const std::string outcome = run_outcome(root / done.run->name, run_diverged);
            diverged += run_diverged;
            out << "done in " << std::fixed << std::setprecision(1) << seconds << " s, " << outcome << "\n";
        } else {
            ++failed;
            out << "FAILED (" << status.describe() << (status.exited && status.code <= exit_refuted ? ", " + why : std::string())
                << "), see " << (root / "logs" / (done.run->name + ".log")).string() << "\n";
        }
        out.flush();
        bar.update(finished, std::to_string(running.size()) + " running, " + std::to_string(failed) + " failed");
    }
    bar.finish();
    out << "sweep: " << finished - failed << " runs completed";
    if (diverged) out << " (" << diverged << " diverged)";
    out << ", " << failed << " failed";
    if (busy) out << ", " << busy << " busy (being written by another process)";
    out << "\n";
    if (forwarded) throw Interrupted(forwarded);
    if (failed) return exit_internal;
    return busy ? exit_unknown : exit_ok;
}

}  // namespace cogo::cli
