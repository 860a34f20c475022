//! The files a command reads and writes, checked against each other before
//! any work is done: no two outputs (`--save`, `--plot`, `--output`) may
//! name the same file, and no output may name an input (`--file`, a spec,
//! `--data`, `--init-from`, a lesson file, a spec's `[data]` file) — the
//! second write would replace the first, or the result its own input.
//!
//! Paths are compared as the files they name: `./p.txt`, `p.txt`, a
//! symbolic link to it and (on Unix) a hard link are one file.
//!
//! Invariant: when `refuse_collisions` passes, every output a command writes
//! is a file of its own that no input of the command is read from.

use super::Command;
use crate::i18n::Text;
use crate::Error;
use std::path::{Path, PathBuf};

/// A file named on the command line, and the option that named it.
#[derive(Clone, Debug, PartialEq)]
pub struct NamedFile {
    /// "--plot", "--file", "the spec", …
    pub option: &'static str,
    pub path: PathBuf,
}

/// The files one run reads and writes.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CommandFiles {
    pub inputs: Vec<NamedFile>,
    pub outputs: Vec<NamedFile>,
}

impl CommandFiles {
    /// The files `command` and the shared `--output` name. Standard input
    /// (`-`) and built-in examples and lessons are no files.
    pub fn of(command: &Command, output: Option<&Path>) -> CommandFiles {
        let (inputs, outputs) = named_by(command);
        let mut files = CommandFiles {
            inputs: inputs
                .into_iter()
                .filter(|(_, path)| path.as_os_str() != "-")
                .map(|(option, path)| NamedFile { option, path })
                .collect(),
            outputs: outputs
                .into_iter()
                .filter_map(|(option, path)| {
                    path.map(|p| NamedFile {
                        option,
                        path: p.clone(),
                    })
                })
                .collect(),
        };
        if let Some(path) = output {
            files.outputs.push(NamedFile {
                option: "--output",
                path: path.to_path_buf(),
            });
        }
        files
    }

    /// Refuses two outputs naming one file, and an output naming an input.
    pub fn refuse_collisions(&self) -> Result<(), Error> {
        for (k, a) in self.outputs.iter().enumerate() {
            if let Some(b) = self.outputs[k + 1..]
                .iter()
                .find(|b| same_file(&a.path, &b.path))
            {
                return Err(Error::told(
                    crate::text!(
                        "inputs-same-file",
                        first_option = a.option.to_string(),
                        first_path = a.path.display().to_string(),
                        second_option = b.option.to_string(),
                        second_path = b.path.display().to_string()
                    ),
                    crate::text!("inputs-same-file-hint"),
                ));
            }
        }
        for input in &self.inputs {
            let option = Text::Verbatim(input.option.to_string());
            refuse_overwriting(&self.outputs, option, &input.path)?;
        }
        Ok(())
    }
}

/// Refuses any of `outputs` naming the input `path` (which `option` named:
/// "--data", the spec's `[data]` file, …).
pub fn refuse_overwriting(outputs: &[NamedFile], option: Text, path: &Path) -> Result<(), Error> {
    match outputs.iter().find(|o| same_file(&o.path, path)) {
        Some(output) => Err(Error::told(
            crate::text!(
                "inputs-overwrite-input",
                output_option = output.option.to_string(),
                output_path = output.path.display().to_string(),
                option = option,
                path = path.display().to_string()
            ),
            crate::text!(
                "inputs-overwrite-input-hint",
                output_option = output.option.to_string()
            ),
        )),
        None => Ok(()),
    }
}

/// Refuses an output over the CSV file a spec reads its `[data]` from.
pub fn refuse_overwriting_spec_data(
    outputs: &[NamedFile],
    spec: &crate::network::Spec,
) -> Result<(), Error> {
    match &spec.data_file {
        Some(path) => refuse_overwriting(outputs, crate::text!("inputs-spec-data-file"), path),
        None => Ok(()),
    }
}

/// A file an option names.
type Named = (&'static str, PathBuf);
/// A file an option writes, when the option is given.
type MaybeOutput<'a> = (&'static str, Option<&'a PathBuf>);

/// The files a command's own options read, and those they write (when
/// given). A spec, a target or a lesson is a file when one exists by that
/// name (else an example's name, an expression, a lesson number).
fn named_by(command: &Command) -> (Vec<Named>, Vec<MaybeOutput<'_>>) {
    let existing = |text: &str| Some(PathBuf::from(text)).filter(|p| p.is_file());
    let mut inputs: Vec<Named> = Vec::new();
    let mut outputs = Vec::new();
    match command {
        Command::Diff(args) => inputs.extend(args.file.iter().map(|p| ("--file", p.clone()))),
        Command::Check(args) => inputs.extend(args.file.iter().map(|p| ("--file", p.clone()))),
        Command::Net(args) => {
            inputs.extend(existing(&args.spec).map(|p| ("the spec", p)));
            inputs.extend(args.check.iter().map(|p| ("--check", p.clone())));
            outputs.push(("--plot", args.plot.as_ref()));
        }
        Command::Graph(args) => inputs.extend(existing(&args.target).map(|p| ("the spec", p))),
        Command::Minimize(args) => outputs.push(("--plot", args.plot.as_ref())),
        Command::Train(args) => {
            let spec = args.spec.as_deref().and_then(existing);
            inputs.extend(spec.map(|p| ("the spec", p)));
            let data = args.data.as_deref().filter(|d| !d.starts_with("builtin:"));
            inputs.extend(data.map(|d| ("--data", PathBuf::from(d))));
            inputs.extend(args.init_from.iter().map(|p| ("--init-from", p.clone())));
            outputs.push(("--save", args.save.as_ref()));
            outputs.push(("--plot", args.plot.as_ref()));
        }
        Command::Lesson(args) => {
            let file = args.which.as_deref().and_then(existing);
            inputs.extend(file.map(|p| ("the lesson", p)));
        }
        Command::Predict(args) => {
            inputs.push(("the model", args.model.clone()));
            if !args.data.starts_with("builtin:") {
                inputs.push(("--data", PathBuf::from(&args.data)));
            }
        }
        Command::Epochs(_) | Command::Practice(_) | Command::Completions { .. } => {}
    }
    (inputs, outputs)
}

/// Whether two paths name one file: the same canonical path (links
/// resolved, `.` and `..` taken out), or on Unix the same device and inode.
pub fn same_file(a: &Path, b: &Path) -> bool {
    if let (Some(x), Some(y)) = (canonical(a), canonical(b)) {
        if x == y {
            return true;
        }
    }
    same_inode(a, b)
}

/// The canonical form of a path that may not exist yet: its folder's
/// canonical path joined with its name. `None` when the folder is missing
/// too (then the path names no file another can share).
fn canonical(path: &Path) -> Option<PathBuf> {
    if let Ok(full) = std::fs::canonicalize(path) {
        return Some(full);
    }
    let name = path.file_name()?;
    let folder = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::canonicalize(folder).ok().map(|f| f.join(name))
}

#[cfg(unix)]
fn same_inode(a: &Path, b: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn same_inode(_: &Path, _: &Path) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spellings_of_one_file_are_the_same_file() {
        let dir = std::env::temp_dir().join(format!("stepgrad-files-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        let file = dir.join("p.txt");
        std::fs::write(&file, "x^2\n").unwrap();
        assert!(same_file(&file, &dir.join("sub/../p.txt")));
        assert!(same_file(&file, &dir.join("./p.txt")));
        assert!(!same_file(&file, &dir.join("q.txt")));
        // Not there yet: compared by folder and name.
        assert!(same_file(&dir.join("new.md"), &dir.join("sub/../new.md")));
        assert!(!same_file(&dir.join("new.md"), &dir.join("sub/new.md")));
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(&file, dir.join("link.txt")).unwrap();
            assert!(same_file(&file, &dir.join("link.txt")));
            std::fs::hard_link(&file, dir.join("hard.txt")).unwrap();
            assert!(same_file(&file, &dir.join("hard.txt")));
        }
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
