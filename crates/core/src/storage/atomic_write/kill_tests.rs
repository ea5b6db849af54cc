//! Saves through a symbolic link killed (`kill -9`) at random points: the link's target is always
//! the old or the new layout, never empty or cut short, and the next save removes the temporary
//! files the killed ones left.
//!
//! The saving process is this test binary itself, started again to run only `save_helper`, which
//! saves two layouts in turn for as long as it lives.

use crate::domain::constraints::test_support::{placed, room};
use crate::domain::layout::Layout;
use crate::storage::layout_file::{layout_to_string, save_layout};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// Runs killed at random points.
const KILLS: usize = 200;
/// Tells the helper where the link is.
const LINK_VARIABLE: &str = "ROOM_PLANNER_KILL_TEST_LINK";

/// A layout with `count` products (about 250 bytes each when written).
fn layout(count: usize) -> Layout {
    let mut layout = room();
    for index in 0..count {
        let x = i64::try_from(index % 40).unwrap_or(0) * 100;
        let y = i64::try_from(index / 40).unwrap_or(0) * 100;
        layout
            .products
            .push(placed(&format!("p{index}"), "lamp", (x, y), 0.0));
    }
    layout
}

fn layouts() -> (Layout, Layout) {
    (layout(4_000), layout(4_001))
}

/// The helper process: saves the two layouts through the link in turn until it is killed.
#[test]
#[ignore = "helper process of a_save_killed_at_random_points_leaves_the_old_or_the_new_file"]
fn save_helper() {
    let Some(link) = std::env::var_os(LINK_VARIABLE) else {
        panic!("{LINK_VARIABLE} is not set");
    };
    let (first, second) = layouts();
    println!("saving");
    loop {
        for layout in [&second, &first] {
            if let Err(error) = save_layout(Path::new(&link), layout) {
                panic!("{error}");
            }
        }
    }
}

/// A small generator, so the test needs no random-number crate; the seed is printed on failure.
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, limit: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % limit
    }
}

fn temporaries(folder: &Path) -> usize {
    std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .filter(|entry| entry.file_name().to_string_lossy().ends_with(".rp-tmp"))
                .count()
        })
        .unwrap_or(0)
}

#[test]
fn a_save_killed_at_random_points_leaves_the_old_or_the_new_file()
-> Result<(), Box<dyn std::error::Error>> {
    let folder: PathBuf = std::env::temp_dir().join(format!("rp-kill-save-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&folder);
    let synced = folder.join("synced");
    std::fs::create_dir_all(&synced)?;
    let target = synced.join("plan.ron");
    let link = folder.join("plan.ron");
    std::os::unix::fs::symlink(&target, &link)?;
    let (first, second) = layouts();
    let (old, new) = (layout_to_string(&first)?, layout_to_string(&second)?);
    save_layout(&target, &first)?;

    let seed = SystemTime::now().duration_since(UNIX_EPOCH)?.as_nanos() as u64 | 1;
    let mut random = XorShift(seed);
    let executable = std::env::current_exe()?;
    let mut killed_mid_write = 0;
    for run in 0..KILLS {
        let mut child = Command::new(&executable)
            .args([
                "--exact",
                "storage::atomic_write::kill_tests::save_helper",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(LINK_VARIABLE, &link)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()?;
        // Wait until the helper is saving, then let it run a random while.
        if let Some(stdout) = child.stdout.take() {
            let mut lines = BufReader::new(stdout).lines();
            while let Some(line) = lines.next().transpose()? {
                if line.contains("saving") {
                    break;
                }
            }
        }
        std::thread::sleep(Duration::from_micros(random.below(40_000)));
        child.kill()?;
        child.wait()?;
        assert!(
            std::fs::symlink_metadata(&link)?.file_type().is_symlink(),
            "run {run} (seed {seed}): the link was replaced"
        );
        let text = std::fs::read_to_string(&target)?;
        assert!(
            text == old || text == new,
            "run {run} (seed {seed}): the target holds {} bytes, neither the old ({}) nor the new ({}) layout",
            text.len(),
            old.len(),
            new.len()
        );
        if temporaries(&synced) > 0 {
            killed_mid_write += 1;
        }
    }
    println!("{KILLS} saves through a link killed, {killed_mid_write} of them mid-write");
    // Some kills must land mid-write, or the test proved nothing.
    assert!(
        killed_mid_write >= 10,
        "only {killed_mid_write} kills landed mid-write (seed {seed})"
    );
    save_layout(&link, &first)?;
    assert_eq!(temporaries(&synced), 0);
    assert_eq!(std::fs::read_to_string(&target)?, old);
    std::fs::remove_dir_all(&folder)?;
    Ok(())
}
