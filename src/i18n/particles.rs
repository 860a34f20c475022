//! Korean particles after the words stepgrad fills into its sentences.
//!
//! Korean chooses 을 or 를, 이 or 가, 은 or 는, 과 or 와, 으로 or 로 by
//! whether the word before ends in a consonant (받침). A filled-in value is
//! often not Hangul: a number (2 is read 이, 3 삼), a formula (exp(x) ends
//! in x, read 엑스), a name (`xor-noise`, adam). So the value's ending is
//! first read aloud as a Korean speaker reads it — digits by their Korean
//! names, 10 as 십 and 100 as 백, Latin letters by their English names
//! (x 엑스, m 엠, l 엘), Greek letters by theirs (α 알파), a superscript ²
//! as 제곱 — and the particle is then chosen for that reading by the
//! rusty_hangul crate. Closing brackets, quotes, backticks and other marks
//! that are not read aloud are skipped, and so are characters of Unicode's
//! private use area, which reports use to mark where a piece of math
//! begins and ends inside a message (`report::doc::message`).
//!
//! Invariant: the value itself is returned unchanged with the particle
//! attached directly after it (Korean writes no space there), and an
//! unreadable value gets the form without 받침 rules guessing wrong in the
//! common case (the second form of the pair: 를, 가, 는, 와, 로).

use hangul::Hangul;

/// `word` followed by the right form of `pair` ("을/를", "이/가", "은/는",
/// "와/과", "으로/로", …).
pub fn with_particle(word: &str, pair: &str) -> String {
    format!("{word}{}", particle(word, pair))
}

/// The form of `pair` that follows `word`.
pub fn particle(word: &str, pair: &str) -> String {
    let reading = reading_of_ending(word);
    match Hangul::new(&reading).josa(pair) {
        Ok(joined) => joined[reading.len()..].to_string(),
        // Not a pair the crate knows: write it as given.
        Err(_) => pair.to_string(),
    }
}

/// How a Korean speaker reads the end of `word`, as Hangul (enough of it to
/// decide 받침): "3·x" → "엑스", "10" → "십", "레슨 2" → "이".
fn reading_of_ending(word: &str) -> String {
    let trimmed = word.trim_end_matches(|c: char| {
        matches!(
            c,
            ')' | ']'
                | '}'
                | '`'
                | '"'
                | '\''
                | '’'
                | '”'
                | '*'
                | '.'
                | ','
                | ':'
                | ';'
                | '!'
                | '?'
        ) || c.is_whitespace()
            || ('\u{E000}'..='\u{F8FF}').contains(&c)
    });
    let Some(last) = trimmed.chars().last() else {
        return "가".to_string();
    };
    if is_hangul_syllable(last) {
        return last.to_string();
    }
    if let Some(reading) = superscript(last) {
        return reading.to_string();
    }
    if last.is_ascii_digit() {
        return number_ending(trimmed);
    }
    if last.is_ascii_alphabetic() {
        return latin_ending(trimmed);
    }
    if let Some(reading) = greek(last) {
        return reading.to_string();
    }
    match last {
        '%' => "퍼센트",
        '′' => "프라임",
        '∞' => "무한대",
        _ => "가",
    }
    .to_string()
}

fn is_hangul_syllable(c: char) -> bool {
    ('\u{AC00}'..='\u{D7A3}').contains(&c)
}

/// A superscript exponent: x² is read 엑스 제곱.
fn superscript(c: char) -> Option<&'static str> {
    matches!(
        c,
        '²' | '³' | '⁴' | '⁵' | '⁶' | '⁷' | '⁸' | '⁹' | '⁰' | '¹' | 'ⁿ' | '⁻'
    )
    .then_some("제곱")
}

/// The reading of a number's end: its last nonzero digit, or the power of
/// ten it ends with (10 십, 100 백, 1,000 천, 10,000 만).
fn number_ending(text: &str) -> String {
    let digits: String = text
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let whole = !digits.contains('.');
    let zeros = digits.chars().rev().take_while(|&c| c == '0').count();
    let significant = digits.trim_end_matches('0');
    if whole && zeros > 0 && !significant.is_empty() {
        // Read by the largest unit: 만 (10⁴), 억 (10⁸), 조 (10¹²), else
        // 십, 백, 천 within them.
        return match zeros % 4 {
            1 => "십",
            2 => "백",
            3 => "천",
            _ => match zeros / 4 {
                1 => "만",
                2 => "억",
                _ => "조",
            },
        }
        .to_string();
    }
    let last = digits.chars().last().unwrap_or('0');
    ["영", "일", "이", "삼", "사", "오", "육", "칠", "팔", "구"][last as usize - '0' as usize]
        .to_string()
}

/// The reading of a Latin ending: a single letter by its English name
/// (x 엑스, m 엠); a word by its last letter, except that a final r after a
/// vowel is silent (mazur 마주르, tensor 텐서), and so is a final e after
/// a consonant, which is read instead: l, m and n close the syllable (file
/// 파일, time 타임, none 논), the others open one (base 베이스).
fn latin_ending(text: &str) -> String {
    let letters: Vec<char> = text
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect();
    let last = letters[0].to_ascii_lowercase();
    let before = letters.get(1).map(|c| c.to_ascii_lowercase());
    if letters.len() >= 3 && last == 'r' && before.is_some_and(|c| "aeiou".contains(c)) {
        return "어".to_string();
    }
    if let Some(closed) = closing_stop(&letters) {
        return closed.to_string();
    }
    if letters.len() >= 3 && last == 'e' && before.is_some_and(|c| !"aeiouy".contains(c)) {
        return match before {
            Some('l') => "일",
            Some('m') => "임",
            Some('n') => "인",
            _ => "스",
        }
        .to_string();
    }
    match last {
        'a' => "에이",
        'b' => "비",
        'c' => "씨",
        'd' => "디",
        'e' => "이",
        'f' => "에프",
        'g' => "지",
        'h' => "에이치",
        'i' => "아이",
        'j' => "제이",
        'k' => "케이",
        'l' => "엘",
        'm' => "엠",
        'n' => "엔",
        'o' => "오",
        'p' => "피",
        'q' => "큐",
        'r' => "알",
        's' => "에스",
        't' => "티",
        'u' => "유",
        'v' => "브이",
        'w' => "더블유",
        'x' => "엑스",
        'y' => "와이",
        _ => "제트",
    }
    .to_string()
}

/// A word's final p, k or t after a vowel, which Korean writes as a
/// closing consonant (backprop 백프롭, stack 스택, dataset 데이터셋): ㅂ,
/// ㄱ, ㅅ (ck counts as k). A t after two vowels opens a syllable instead
/// (wait 웨이트).
/// `letters` runs from the last letter back; a word has three or more.
fn closing_stop(letters: &[char]) -> Option<&'static str> {
    let vowel = |k: usize| {
        letters
            .get(k)
            .is_some_and(|c| "aeiou".contains(c.to_ascii_lowercase()))
    };
    if letters.len() < 3 {
        return None;
    }
    let ck = letters[1].eq_ignore_ascii_case(&'c') && vowel(2);
    match letters[0].to_ascii_lowercase() {
        'p' if vowel(1) => Some("입"),
        'k' if vowel(1) || ck => Some("익"),
        't' if vowel(1) && !vowel(2) => Some("잇"),
        _ => None,
    }
}

fn greek(c: char) -> Option<&'static str> {
    Some(match c {
        'α' => "알파",
        'β' => "베타",
        'γ' => "감마",
        'δ' | 'Δ' => "델타",
        'ε' => "엡실론",
        'η' => "에타",
        'θ' => "세타",
        'λ' => "람다",
        'μ' => "뮤",
        'π' => "파이",
        'σ' | 'Σ' => "시그마",
        'τ' => "타우",
        'φ' => "파이",
        'ω' => "오메가",
        '∇' => "나블라",
        '∂' => "라운드",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particles_follow_the_reading() {
        let cases = [
            ("레슨 2", "을/를", "레슨 2를"),
            ("레슨 3", "을/를", "레슨 3을"),
            ("exp(x)", "을/를", "exp(x)를"),
            ("−2", "이/가", "−2가"),
            ("−1", "이/가", "−1이"),
            ("0.035", "으로/로", "0.035로"),
            ("0.03", "으로/로", "0.03으로"),
            ("10", "을/를", "10을"),
            ("100", "이/가", "100이"),
            ("1,000", "은/는", "1,000은"),
            ("`xor-noise`", "은/는", "`xor-noise`는"),
            ("adam", "을/를", "adam을"),
            ("mazur", "을/를", "mazur를"),
            ("x²", "을/를", "x²을"),
            ("σ", "와/과", "σ와"),
            ("학습률", "을/를", "학습률을"),
            ("학습률", "으로/로", "학습률로"),
            ("손실", "이/가", "손실이"),
            ("w1", "은/는", "w1은"),
            ("w2", "은/는", "w2는"),
            ("tanh", "을/를", "tanh를"),
            ("relu", "와/과", "relu와"),
            ("file", "을/를", "file을"),
            ("time", "을/를", "time을"),
            ("none", "은/는", "none은"),
            ("base", "이/가", "base가"),
            ("tolerance", "은/는", "tolerance는"),
            ("he", "은/는", "he는"),
            ("rmsprop", "은/는", "rmsprop은"),
            ("backprop", "을/를", "backprop을"),
            ("backprop", "으로/로", "backprop으로"),
            ("stack", "이/가", "stack이"),
            ("dataset", "을/를", "dataset을"),
            ("input", "이/가", "input이"),
            ("wait", "을/를", "wait를"),
            ("exp", "을/를", "exp를"),
            ("sgd", "은/는", "sgd는"),
            ("sigmoid", "을/를", "sigmoid를"),
            ("xor", "은/는", "xor는"),
        ];
        for (word, pair, expected) in cases {
            assert_eq!(with_particle(word, pair), expected, "{word} {pair}");
        }
    }
}
