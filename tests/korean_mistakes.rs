//! Korean as a first language, for the mistakes a student or a teacher
//! makes in a network spec, a CSV file and a lesson file, and for a lesson
//! worked through in the terminal. Each mistake is rendered as the command
//! line renders it in Korean (`render_in(false, Lang::Ko)`) and held to the
//! whole message and hint, as read by a Korean student: the glossary's
//! terms, particles chosen by the word before (`file을`, `'x3'(3번째
//! 열)부터`, `레슨 2를`), numbers and names attached to their particles.
//! Every line also passes the check the project holds Korean output to: no
//! three English words in a row outside `code`, option names and formulas.

mod common;

use common::english_words as english_prose;
use std::io::Cursor;
use stepgrad::data::{builtin, check_input_columns, load_csv, Generation, TargetColumns};
use stepgrad::i18n::Lang;
use stepgrad::lesson::{interact, parse_lesson, CommandOutput, LessonFormat, Presenter};
use stepgrad::network::{load_spec, parse_spec, sample_view};
use stepgrad::Error;

const BASE: &str = "layers = [2, 2, 2]\nactivation = \"sigmoid\"\n";
const DATA: &str = "inputs = [[0.05, 0.1]]\ntargets = [[0.01, 0.99]]\n";
const PARAMS: &str = "weights = [[[0.15, 0.2], [0.25, 0.3]], [[0.4, 0.45], [0.5, 0.55]]]\nbiases = [[0.35, 0.35], [0.6, 0.6]]\n";
/// A lesson's front matter and first section, up to line 8.
const HEAD: &str = "+++\nnumber = 1\ntitle = \"T\"\nobjectives = [\"o\"]\n+++\n\n## S\n\n";

fn spec(text: String) -> Error {
    parse_spec(&text, "s.toml", None).expect_err("a mistake in the spec")
}

fn csv(text: &str, target: &str) -> Error {
    load_csv("d.csv", text, &TargetColumns::Names(vec![target.into()]))
        .expect_err("a mistake in the CSV")
}

fn lesson(text: String) -> Error {
    parse_lesson("l.md", &text).expect_err("a mistake in the lesson file")
}

fn exercise(toml: &str) -> Error {
    lesson(format!("{HEAD}```exercise\n{toml}```\n"))
}

/// (what, the error, its message in Korean, its hint in Korean)
fn mistakes() -> Vec<(&'static str, Error, &'static str, &'static str)> {
    let three_columns = "x1,x2,x3,y\n1,2,3,4\n";
    let loaded = load_csv(
        "d.csv",
        three_columns,
        &TargetColumns::Names(vec!["y".into()]),
    );
    let too_many = check_input_columns("d.csv", three_columns, &loaded.expect("a CSV"), 2);
    let overflowing = parse_spec(
        "layers = [2, 2, 1]\nactivation = \"identity\"\nloss = \"half_sse\"\nweights = [[[1e300, 0.2], [0.25, 0.3]], [[0.4, 0.45]]]\nbiases = [[0.35, 0.35], [0.6]]\ninputs = [[0, 0.1], [1e10, 0.1]]\ntargets = [[0.01], [0.5]]\n",
        "s.toml",
        None,
    )
    .expect("a spec that parses");
    vec![
        // Network specs.
        (
            "an unknown key of [data]",
            spec(format!("{BASE}{PARAMS}[data]\nfil = \"x.csv\"\ntargets = [\"y\"]\n")),
            "알 수 없는 키 `fil`이 있습니다 (쓸 수 있는 키: `file`, `targets`, `label`)",
            "file을 쓰려던 것인가요? 고를 수 있는 것: file, targets, label",
        ),
        (
            "a layer of no neurons",
            spec(format!("layers = [2, 0, 2]\n{DATA}")),
            "뉴런이 0개인 층은 만들 수 없습니다",
            "층마다 뉴런은 1개에서 10,000개까지입니다 (docs/limits.md)",
        ),
        (
            "a misspelt activation",
            spec(format!("layers = [2, 2, 2]\nactivation = \"sigmoidd\"\n{DATA}")),
            "'sigmoidd'는 알 수 없는 활성화 함수입니다",
            "sigmoid를 쓰려던 것인가요? 고를 수 있는 것: sigmoid, tanh, relu, identity, softmax, softplus, silu, leaky_relu, elu, gelu",
        ),
        (
            "softmax on a hidden layer",
            spec(format!("layers = [2, 2, 2]\nactivation = [\"softmax\", \"sigmoid\"]\n{DATA}")),
            "은닉층에 softmax를 썼습니다 (입력층 다음의 층 2개 가운데 1번째)",
            "softmax는 출력층의 값을 확률로 바꿉니다. 은닉층에는 sigmoid, tanh, relu 가운데 하나를 쓰세요",
        ),
        (
            "cross-entropy after sigmoid",
            spec(format!("{BASE}loss = \"cross_entropy\"\n{DATA}")),
            "cross_entropy에는 softmax 출력층이 필요한데, 출력층의 활성화 함수가 sigmoid입니다",
            "출력층의 활성화 함수를 softmax로 바꾸세요",
        ),
        (
            "a weight matrix of the wrong shape",
            spec(format!("{BASE}weights = [[[0.15, 0.2], [0.25, 0.3]], [[0.4, 0.45, 0.1], [0.5, 0.55, 0.2]]]\nbiases = [[0.35, 0.35], [0.6, 0.6]]\n{DATA}")),
            "2번째 층(은닉층 1 → 출력층)에는 2×2 행렬(뉴런 2개 × 입력 2개)이 필요한데, 이 행렬은 2×3입니다",
            "j번째 행에는 뉴런 j로 들어가는 가중치를 앞 층의 뉴런마다 하나씩 씁니다",
        ),
        (
            "two biases where the layer shares one",
            spec(format!("{BASE}bias = \"per_layer\"\nweights = [[[0.15, 0.2], [0.25, 0.3]], [[0.4, 0.45], [0.5, 0.55]]]\nbiases = [[0.35], [0.6, 0.6]]\n{DATA}")),
            "2번째 층(은닉층 1 → 출력층)에는 편향이 1개 필요한데, 이 목록에는 2개 있습니다",
            "bias = \"per_layer\"는 층마다 편향 하나를 모든 뉴런이 함께 씁니다: [b]로 쓰세요",
        ),
        (
            "a sample with one input too many",
            spec(format!("{BASE}{PARAMS}inputs = [[0.05, 0.1], [0.1, 0.2, 0.3]]\ntargets = [[0.01, 0.99], [0, 1]]\n")),
            "inputs의 샘플 2에 입력이 3개 있는데, 신경망은 입력을 2개 받습니다",
            "inputs의 행마다 수가 2개 있어야 합니다",
        ),
        (
            "an unknown init scheme",
            spec(format!("{BASE}init = \"glorious\"\n{DATA}")),
            "'glorious'는 알 수 없는 초기화 방식입니다",
            "고를 수 있는 것: xavier, he, uniform(a, b)",
        ),
        (
            "a negative learning rate",
            spec(format!("{BASE}{PARAMS}{DATA}[train]\nlr = -1\n")),
            "학습률은 양수여야 하는데 -1입니다",
            "흔히 0.001에서 1 사이의 값을 씁니다",
        ),
        (
            "no epochs",
            spec(format!("{BASE}{PARAMS}{DATA}[train]\nepochs = 0\n")),
            "epochs는 1 이상이어야 하는데 0입니다",
            "epochs는 1, 2, 3처럼 세는 수입니다",
        ),
        (
            "an array left open",
            spec(format!("{BASE}{PARAMS}{DATA}seed = [1, 2\n")),
            "배열이 닫히지 않았습니다. 이 자리에는 `]`가 와야 합니다",
            "빠짐없이 쓴 명세는 examples/mazur.toml을 보세요",
        ),
        (
            "a number for a name",
            spec(format!("{BASE}{PARAMS}{DATA}name = 3\n")),
            "값의 종류가 맞지 않습니다: 문자열이 와야 하는데 정수 `3`이 있습니다",
            "빠짐없이 쓴 명세는 examples/mazur.toml을 보세요",
        ),
        (
            "a [data] file that is not there",
            spec(format!("{BASE}{PARAMS}[data]\nfile = \"nope.csv\"\ntargets = [\"y\"]\n")),
            "nope.csv를 읽을 수 없습니다: 그런 파일이 없습니다",
            "경로는 명세 파일이 있는 폴더를 기준으로 합니다",
        ),
        (
            "starting weights that overflow",
            sample_view(&overflowing, 1).err().unwrap_or_else(|| panic!("an overflow at the start")),
            "시작 파라미터로 샘플 2를 계산하면 out_h1에서 오버플로가 일어납니다: w1·i1은 64비트 부동소수점으로 나타내기에 너무 큽니다 (w1 = 1e+300, i1 = 1e+10)",
            "첫 갱신 전에는 모든 값이 유한해야 합니다(±1.8e308 이내). 더 작은 가중치(더 좁은 init 범위)에서 시작하거나, 더 작은 입력을 주세요 (예: train --standardize)",
        ),
        (
            "a misspelt example",
            load_spec("mazr").expect_err("no such spec"),
            "'mazr'은 명세 파일도 아니고 내장 예제의 이름도 아닙니다",
            "mazur를 쓰려던 것인가요? 내장 예제: mazur, xor, xor-equal, softmax3",
        ),
        // CSV files and built-in data sets.
        (
            "an empty CSV",
            csv("", "y"),
            "CSV 파일이 비어 있습니다",
            "첫 줄에 열 이름을 쓰세요. 예: x1,x2,y",
        ),
        (
            "a header and nothing else",
            csv("x,y\n", "y"),
            "CSV 파일에 머리글 행만 있고 데이터 행이 없습니다",
            "머리글 아래에 샘플마다 한 행씩 넣으세요",
        ),
        (
            "a word for a number",
            csv("x1,x2,y\n0,1,1\n1,abc,0\n", "y"),
            "2번째 열(x2)의 'abc'는 수가 아닙니다",
            "입력과 수치 목표값은 0.5나 -1e-3 같은 수여야 합니다",
        ),
        (
            "an empty field",
            csv("x1,x2,y\n0,,1\n", "y"),
            "이 행의 2번째 열(x2)이 비어 있습니다",
            "입력과 수치 목표값은 모든 행에 수가 있어야 합니다",
        ),
        (
            "a short row",
            csv("x1,x2,y\n0,1\n", "y"),
            "이 행에는 값이 2개 있는데, 머리글에는 열이 3개 있습니다",
            "모든 행에 열마다 값을 하나씩 쓰세요",
        ),
        (
            "a target column that is not there",
            csv("a,b\n1,2\n", "z"),
            "'z' 열이 없습니다",
            "이 파일의 열: a, b",
        ),
        (
            "more input columns than the network takes",
            too_many.expect_err("one column too many"),
            "입력 열이 3개(x1, x2, x3)로 신경망이 받는 것보다 많습니다: 입력층의 유닛이 2개이므로 'x3'(3번째 열)부터는 남는 열입니다",
            "첫 층의 크기를 입력 열의 수로 맞추거나, 남는 열을 --targets로 목표값에 넣거나, 명세 없이 데이터에 맞춰 만든 신경망을 쓰세요",
        ),
        (
            "a misspelt built-in data set",
            builtin("iriss", &Generation::default()).expect_err("no such set"),
            "내장 데이터 세트 'iriss'는 없습니다",
            "builtin:iris를 쓰려던 것인가요? 내장 데이터 세트: xor, and, or, iris, circle, gauss, spiral, xor-noise, line, parabola, digits",
        ),
        // Lesson files: the front matter.
        (
            "no front matter",
            lesson("# Title\n\nText.\n".into()),
            "레슨 파일은 두 '+++' 줄 사이의 머리말로 시작해야 합니다",
            "파일을 이렇게 시작하세요\n+++\nnumber = 1\ntitle = \"신경망은 어떻게 학습하는가\"\nobjectives = [\"…\"]\n+++",
        ),
        (
            "front matter as YAML writes it",
            lesson("---\ntitle: x\n---\n".into()),
            "레슨 파일은 두 '+++' 줄 사이의 머리말로 시작해야 합니다",
            "머리말은 '---' 줄이 아니라 '+++' 줄 사이에 TOML로 씁니다. 파일을 이렇게 시작하세요\n+++\nnumber = 1\ntitle = \"신경망은 어떻게 학습하는가\"\nobjectives = [\"…\"]\n+++",
        ),
        (
            "front matter left open",
            lesson("+++\nnumber = 1\n".into()),
            "머리말이 닫히지 않았습니다",
            "'+++'만 있는 줄로 머리말을 끝내세요",
        ),
        (
            "a lesson number in words",
            lesson("+++\nnumber = \"one\"\ntitle = \"T\"\nobjectives = [\"o\"]\n+++\n## S\n".into()),
            "number에는 1 이상의 정수를 써야 합니다",
            "예: number = 3",
        ),
        (
            "a key the front matter does not have",
            lesson("+++\nnumber = 1\ntitle = \"T\"\nauthor = \"me\"\nobjectives = [\"o\"]\n+++\n## S\n".into()),
            "머리말에 알 수 없는 키 'author'가 있습니다",
            "쓸 수 있는 키: number, title, objectives",
        ),
        (
            "no objectives",
            lesson("+++\nnumber = 1\ntitle = \"T\"\n+++\n## S\n".into()),
            "머리말에 objectives가 없습니다",
            "objectives = [\"…\"] 줄을 넣으세요",
        ),
        (
            "a colon for an equals sign",
            lesson("+++\nnumber: 1\n+++\n".into()),
            "머리말이 올바른 TOML이 아닙니다: 키에 값이 없습니다. 이 자리에는 `=`가 와야 합니다",
            "키와 값 사이에는 ':' 대신 '=' 기호를 씁니다. 한 줄에 키 = 값을 하나씩 쓰고, 글은 따옴표로 감싸세요: number = 3, title = \"…\", objectives = [\"…\", \"…\"]",
        ),
        (
            "an empty objective",
            lesson("+++\nnumber = 1\ntitle = \"T\"\nobjectives = [\"o\", \" \"]\n+++\n## S\n".into()),
            "목표 2가 비어 있습니다",
            "예: objectives = [\"갱신 규칙을 손으로 적용하기\"]",
        ),
        (
            "a key given twice",
            lesson("+++\nnumber = 1\nnumber = 2\n+++\n".into()),
            "'number'가 두 번 나옵니다",
            "머리말의 키는 한 번씩만 쓰세요",
        ),
        // Lesson files: the body.
        (
            "no section",
            lesson("+++\nnumber = 1\ntitle = \"T\"\nobjectives = [\"o\"]\n+++\ntext\n".into()),
            "레슨에 절이 하나도 없습니다",
            "'## ' 제목으로 레슨을 절로 나누세요",
        ),
        (
            "a title heading",
            lesson(format!("{HEAD}# big\n")),
            "레슨에는 '## '(절) 제목과 '### ' 제목만 쓸 수 있습니다",
            "레슨의 제목은 머리말의 title입니다. 절은 '## '로 시작하세요",
        ),
        (
            "a quote left open",
            lesson(format!("{HEAD}```stepgrad\ndiff \"x^2\n```\n")),
            "이 따옴표가 닫히지 않았습니다",
            "같은 줄에서 따옴표를 닫으세요",
        ),
        (
            "an unknown option of a command block",
            lesson(format!("{HEAD}```stepgrad run\ndiff \"x\"\n```\n")),
            "stepgrad 블록에 알 수 없는 옵션 'run'이 있습니다",
            "쓸 수 있는 옵션은 expect-error 하나뿐입니다: ```stepgrad expect-error",
        ),
        // Lesson files: exercises.
        (
            "a derivative and a number at once",
            exercise("question = \"?\"\nanswer = 1\nderivative = \"x\"\n"),
            "연습 문제는 도함수와 수 가운데 하나만 물을 수 있습니다",
            "derivative와 answer 가운데 하나만 남기세요",
        ),
        (
            "a variable the expression does not have",
            exercise("question = \"?\"\nderivative = \"x^2\"\nwrt = \"y\"\n"),
            "wrt: 'y'는 x^2에 나오지 않습니다",
            "식의 변수: x",
        ),
        (
            "two variables and no wrt",
            exercise("question = \"?\"\nderivative = \"x*y\"\n"),
            "x*y에는 변수가 2개 있으므로 어느 변수로 미분할지 밝혀야 합니다",
            "wrt = \"x\" 줄을 넣으세요 (x, y 가운데 하나)",
        ),
        (
            "a tolerance of 2",
            exercise("question = \"?\"\nanswer = 1\ntolerance = 2\n"),
            "tolerance = 2는 0과 1 사이의 수가 아닙니다",
            "예: tolerance = 1e-3 (답의 크기에 대한 상대 허용 오차)",
        ),
        (
            "three hints",
            exercise("question = \"?\"\nanswer = 1\nhints = [\"a\", \"b\", \"c\"]\n"),
            "연습 문제의 힌트는 두 개까지입니다",
            "나머지는 풀이에 넣으세요",
        ),
        (
            "a question left open",
            exercise("question = \"?\nanswer = 1\n"),
            "연습 문제가 올바른 TOML이 아닙니다: 큰따옴표 문자열을 읽을 수 없습니다. 이 자리에는 `\"`가 와야 합니다",
            "한 줄에 키 = 값을 하나씩 쓰고, 글은 따옴표로 감싸세요: question = \"…\", answer = 1.6, hints = [\"…\"]",
        ),
        (
            "an answer in quotes",
            exercise("question = \"?\"\nanswer = \"1.6\"\n"),
            "answer에는 수를 써야 합니다",
            "예: answer = 1.6",
        ),
        (
            "hint for hints",
            exercise("question = \"?\"\nanswer = 1\nhint = \"Count.\"\n"),
            "연습 문제에 알 수 없는 키 'hint'가 있습니다",
            "hints를 쓰려던 것인가요? 쓸 수 있는 키: question, derivative, wrt, answer, tolerance, digits, kind, choices, run, shows, explanation, hints, solution",
        ),
        (
            "an empty hint",
            exercise("question = \"?\"\nanswer = 1\nhints = [\"\"]\n"),
            "힌트 1이 비어 있습니다",
            "예: hints = [\"갱신 규칙은 w − α·dE/dw입니다.\", \"2 − 0.1·4\"]",
        ),
    ]
}

#[test]
fn the_prose_check_finds_english_and_passes_korean() {
    let english = [
        "error: the CSV file is empty",
        "hint: did you mean adam? The optimizers are sgd",
        "오류: derivative: the operator '^' has nothing on its right",
    ];
    for line in english {
        assert!(english_prose(line).is_some(), "{line}");
    }
    let korean = [
        "오류: 'sigmoidd'는 알 수 없는 활성화 함수입니다",
        "힌트: 고를 수 있는 것: sigmoid, tanh, relu, identity, softmax, softplus, silu, leaky_relu, elu, gelu",
        "힌트: 예: layers = [2, 2, 1]은 입력 2개, 은닉 뉴런 2개, 출력 1개입니다",
        "오류: 알 수 없는 키 `weigths`가 있습니다 (쓸 수 있는 키: `name`, `description`)",
        "첫 레슨 시작하기: stepgrad lesson 1",
        "  --> l.md:12:10",
    ];
    for line in korean {
        assert_eq!(english_prose(line), None, "{line}");
    }
}

#[test]
fn mistakes_are_told_in_korean() {
    let mut failures = Vec::new();
    for (what, error, message, hint) in mistakes() {
        let shown = error.render_in(false, Lang::Ko);
        let said = shown.lines().next().unwrap_or("");
        let hinted = shown.split("\n힌트: ").nth(1).unwrap_or("").trim_end();
        if said != format!("오류: {message}") || hinted != hint {
            failures.push(format!(
                "{what}:\n  expected 오류: {message}\n           힌트: {hint}\n  got\n{shown}"
            ));
        }
        for line in shown.lines() {
            if let Some(words) = english_prose(line) {
                failures.push(format!("{what}: English prose '{words}' in: {line}"));
            }
        }
        // The same mistake in English keeps its words.
        let english = error.render_in(false, Lang::En);
        if !english.starts_with("error: ") || english.contains('힌') {
            failures.push(format!("{what}: in English\n{english}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A Korean lesson of two sections: a number, then two derivatives.
const SESSION: &str = "+++\nnumber = 2\ntitle = \"연습\"\nobjectives = [\"답하기\"]\n+++\n\n어서 오세요.\n\n## 첫 절\n\n```exercise\nquestion = \"2 + 2는 얼마입니까?\"\nanswer = 4\nhints = [\"세어 보세요.\", \"둘 더하기 둘입니다.\"]\nsolution = \"4입니다.\"\n```\n\n## 둘째 절\n\n```exercise\nquestion = \"sin(3·x)를 x로 미분하세요.\"\nderivative = \"sin(3*x)\"\nhints = [\"연쇄 법칙을 쓰세요.\"]\nsolution = \"안쪽 미분 3을 곱합니다.\"\n```\n\n```exercise\nquestion = \"x^3을 미분하세요.\"\nderivative = \"x^3\"\n```\n";

/// What a student sees, typing `keys`, in the Korean session.
fn session(keys: &str) -> String {
    let lesson = parse_lesson("session.md", SESSION).expect("the session's lesson");
    let runner = |_: &[String]| CommandOutput::default();
    let presenter = Presenter {
        lesson: &lesson,
        path: "session.md",
        source: SESSION,
        lang: Lang::Ko,
        format: LessonFormat::Text,
        color: false,
        next: Some(3),
        run: &runner,
    };
    let mut input = Cursor::new(keys.as_bytes().to_vec());
    let mut output = Vec::new();
    interact(&presenter, &mut input, &mut output).expect("the session runs");
    String::from_utf8(output).expect("UTF-8")
}

const PROMPT: &str = "답을 입력하세요 ([?] 힌트 · [s] 풀이 · [Enter] 건너뛰기): ";

#[test]
fn a_korean_session_answers_wrong_asks_for_hints_and_answers_right() {
    // Wrong (5), a hint, the last hint, no more hints, right (2*2); on to
    // the next section, a wrong derivative, the right one, and the
    // solution of the last exercise asked for.
    let seen = session("\n5\n?\n?\n2*2\n\ncos(3*x)\n3*cos(3*x)\ns\n\n");
    let first_page = format!(
        "\n레슨 2 · 연습\n═════════════\n\n이 레슨에서 배울 것:\n  • 답하기\n\n어서 오세요.\n\n[Enter] 다음 · [b] 이전 · [q] 끝내기 \n━━ 첫 절 ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━\n\n✎ 연습 문제: 2 + 2는 얼마입니까?\n\n{PROMPT}  ✗ 아직 아닙니다. 입력한 답의 값은 5입니다. 값이 너무 큽니다.\n  힌트 1: 세어 보세요.\n{PROMPT}  힌트 2: 둘 더하기 둘입니다.\n{PROMPT}  힌트는 여기까지입니다. [s]를 누르면 풀이를 볼 수 있습니다.\n{PROMPT}  ✓ 맞았습니다.\n  풀이: 4입니다.\n\n절 1/2 · [Enter] 다음 · [b] 이전 · [q] 끝내기 \n"
    );
    assert!(seen.starts_with(&first_page), "{seen}");
    let rest = &seen[first_page.len()..];
    for said in [
        "✗ 아직 아닙니다. x = 1에서 도함수의 값은 -2.96998인데, 입력한 답의 값은\n  -0.989992입니다. 짐작되는 실수: ",
        "  힌트 1: 연쇄 법칙을 쓰세요.\n",
        "  ✓ 맞았습니다.\n  풀이: stepgrad가 구한 도함수: d/dx [sin(3·x)] = 3·cos(3·x)\n    안쪽 미분 3을 곱합니다.\n",
        "✎ 연습 문제: x^3을 미분하세요.\n\n",
        "  풀이: stepgrad가 구한 도함수: d/dx [x³] = 3·x²\n\n레슨 2를 마쳤습니다. 다음 레슨: stepgrad lesson 3\n절 2/2 · [Enter] 마치기 · [b] 이전 · [q] 끝내기 ",
    ] {
        assert!(rest.contains(said), "'{said}' not in\n{rest}");
    }
    for line in seen.lines() {
        assert_eq!(english_prose(line), None, "{line}");
    }
}

#[test]
fn a_korean_session_reads_a_typo_and_shows_an_answered_exercise_again() {
    // A typo does not count as an attempt; the solution is asked for; back
    // on the page the exercise is shown as answered.
    let seen = session("\n2+\ns\nb\n\n\nq\n");
    assert!(
        seen.contains("  오류: 입력한 답을 읽을 수 없습니다: "),
        "{seen}"
    );
    assert!(!seen.contains("아직 아닙니다"), "{seen}");
    assert!(seen.contains("  풀이: 4입니다.\n"), "{seen}");
    assert!(seen.contains("  (답함)\n"), "{seen}");
}

#[test]
fn a_printed_korean_lesson_labels_hints_and_solutions() {
    let lesson = parse_lesson("session.md", SESSION).expect("the session's lesson");
    let runner = |_: &[String]| CommandOutput::default();
    let mut presenter = Presenter {
        lesson: &lesson,
        path: "session.md",
        source: SESSION,
        lang: Lang::Ko,
        format: LessonFormat::Text,
        color: false,
        next: None,
        run: &runner,
    };
    let text = presenter.printed().expect("printed");
    assert!(text.contains("✎ 연습 문제: 2 + 2는 얼마입니까?\n\n  힌트 1: 세어 보세요.\n  힌트 2: 둘 더하기 둘입니다.\n  풀이: 4입니다.\n"), "{text}");
    assert!(text.ends_with("레슨 2를 마쳤습니다.\n"), "{text}");
    presenter.format = LessonFormat::Markdown;
    let notes = presenter.printed().expect("printed");
    assert!(
        notes.starts_with("# 레슨 2 · 연습\n\n**이 레슨에서 배울 것:**\n"),
        "{notes}"
    );
    assert!(
        notes
            .contains("**연습 문제 1.** 2 + 2는 얼마입니까?\n\n<details><summary>힌트 1</summary>"),
        "{notes}"
    );
    // The solutions come together at the end of the notes, numbered.
    assert!(notes.contains("## 풀이 모음\n\n**1.** 4입니다.\n\n**2.** stepgrad가 구한 도함수: d/dx [sin(3·x)] = 3·cos(3·x)\n\n안쪽 미분 3을 곱합니다.\n\n**3.** stepgrad가 구한 도함수: d/dx [x³] = 3·x²\n"), "{notes}");
    for line in text.lines().chain(notes.lines()) {
        assert_eq!(english_prose(line), None, "{line}");
    }
}
