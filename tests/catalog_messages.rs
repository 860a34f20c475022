//! The message catalogue is whole in both languages: every message of
//! locales/en/ exists in locales/ko/ and the other way round, with the same
//! arguments (`{ $name }`) and attributes; both parse without errors; and
//! no Korean message uses a hedge such as "을(를)" where the particle
//! should be chosen (`PARTICLE`).

use fluent_syntax::ast::{self, Entry, Expression, InlineExpression, PatternElement};
use std::collections::{BTreeMap, BTreeSet};
use stepgrad::i18n::{ENGLISH, KOREAN};

/// Each message's arguments and attribute names, by id.
fn messages(name: &str, text: &str) -> BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)> {
    let resource = fluent_syntax::parser::parse(text)
        .unwrap_or_else(|(_, errors)| panic!("{name}: the catalogue does not parse: {errors:?}"));
    let mut out = BTreeMap::new();
    for entry in resource.body {
        let (id, value, attributes) = match entry {
            Entry::Message(m) => (m.id.name.to_string(), m.value, m.attributes),
            Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
            _ => continue,
        };
        let mut arguments = BTreeSet::new();
        if let Some(pattern) = &value {
            variables(pattern, &mut arguments);
        }
        for attribute in &attributes {
            variables(&attribute.value, &mut arguments);
        }
        let names = attributes.iter().map(|a| a.id.name.to_string()).collect();
        assert!(
            out.insert(id.clone(), (arguments, names)).is_none(),
            "{name}: {id} twice"
        );
    }
    out
}

fn variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_variables(expression, out);
        }
    }
}

fn expression_variables(expression: &Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        Expression::Inline(inline) => inline_variables(inline, out),
        Expression::Select { selector, variants } => {
            inline_variables(selector, out);
            for variant in variants {
                variables(&variant.value, out);
            }
        }
    }
}

fn inline_variables(inline: &InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                inline_variables(argument, out);
            }
        }
        InlineExpression::Placeable { expression } => expression_variables(expression, out),
        _ => {}
    }
}

#[test]
fn every_message_exists_in_both_languages_with_the_same_arguments() {
    let english = messages("en", ENGLISH);
    let korean = messages("ko", KOREAN);
    let only_english: Vec<&String> = english
        .keys()
        .filter(|k| !korean.contains_key(*k))
        .collect();
    let only_korean: Vec<&String> = korean
        .keys()
        .filter(|k| !english.contains_key(*k))
        .collect();
    assert!(
        only_english.is_empty(),
        "missing in Korean: {only_english:?}"
    );
    assert!(
        only_korean.is_empty(),
        "missing in English: {only_korean:?}"
    );
    let mut differ = Vec::new();
    for (id, en) in &english {
        if korean[id] != *en {
            differ.push(format!("{id}: en {:?}, ko {:?}", en, korean[id]));
        }
    }
    assert!(
        differ.is_empty(),
        "arguments differ:\n{}",
        differ.join("\n")
    );
}

#[test]
fn korean_never_hedges_a_particle() {
    for hedge in [
        "을(를)", "를(을)", "이(가)", "가(이)", "은(는)", "는(은)", "와(과)", "과(와)", "(으)로",
    ] {
        assert!(
            !KOREAN.contains(hedge),
            "the Korean catalogue writes {hedge}: use PARTICLE"
        );
    }
}
