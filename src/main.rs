use std::process::ExitCode;

fn main() -> ExitCode {
    khabar_cli::run()
}

mod khabar_cli {
    pub fn run() -> std::process::ExitCode {
        std::process::ExitCode::SUCCESS
    }
}
