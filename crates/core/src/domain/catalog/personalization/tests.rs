//! Text checks as typed, the counting rule, image size checks and personalization prices.

use super::*;
use std::str::FromStr;

fn plate() -> PersonalDef {
    PersonalDef {
        id: "plate".into(),
        label: "Name plate".into(),
        part: "top".into(),
        kind: PersonalKind::Text(TextSpec {
            max_chars: 10,
            max_lines: 2,
            allowed: vec![CharSet::LatinLetters, CharSet::Chars("&".into())],
            fonts: vec![EngravingFont::Sans],
            colours: vec![NamedColour {
                id: "brass".into(),
                colour: Colour {
                    red: 0xb0,
                    green: 0x8d,
                    blue: 0x57,
                },
            }],
        }),
        price: PersonalPrice::PerChar {
            amount: Decimal::from_str("2.50").unwrap(),
            free: 3,
        },
        code: "-NP".into(),
        when: None,
    }
}

fn text(text: &str) -> PersonalValue {
    PersonalValue::Text {
        text: text.into(),
        font: EngravingFont::Sans,
        colour: "brass".into(),
    }
}

#[test]
fn spaces_and_line_breaks_are_neither_counted_nor_charged() {
    assert_eq!(counted_chars("Anna & Tom"), 8);
    assert_eq!(counted_chars("Jörg\nÆsa"), 7);
    // 8 counted, 3 free: 5 × 2.50 = 12.50.
    assert_eq!(
        plate().price_of(&text("Anna & Tom")),
        Decimal::from_str("12.50").unwrap()
    );
    // Fewer than the free ones costs nothing, never a negative amount.
    assert_eq!(plate().price_of(&text("Al")), Decimal::ZERO);
}

#[test]
fn a_text_is_checked_as_typed_with_the_offending_character_named() {
    let spec = plate().text_spec().cloned().unwrap();
    assert_eq!(spec.check("Anna & Tom"), Ok(()));
    assert_eq!(spec.check("Zoë\nÅsa"), Ok(()));
    match spec.check("Anna + Tom") {
        Err(TextProblem::NotAllowed {
            character,
            line,
            position,
            ..
        }) => assert_eq!((character, line, position), ('+', 1, 6)),
        other => panic!("expected a refused character, got {other:?}"),
    }
    let message = spec.check("Anna 7").unwrap_err().to_string();
    assert!(
        message.contains("“7”") && message.contains("Latin letters"),
        "{message}"
    );
    assert_eq!(
        spec.check("Annabelle Tomasz"),
        Err(TextProblem::TooLong { count: 15, max: 10 })
    );
    assert_eq!(
        spec.check("A\nB\nC"),
        Err(TextProblem::TooManyLines { lines: 3, max: 2 })
    );
    assert_eq!(spec.check("  "), Err(TextProblem::Empty));
}

#[test]
fn latin_letters_exclude_multiplication_and_division_signs() {
    assert!(CharSet::LatinLetters.contains('ß'));
    assert!(CharSet::LatinLetters.contains('ł'));
    assert!(!CharSet::LatinLetters.contains('×'));
    assert!(!CharSet::LatinLetters.contains('÷'));
    assert!(!CharSet::LatinLetters.contains('Ж'));
}

#[test]
fn images_need_their_pixels_and_shape() {
    let spec = ImageSpec {
        min_px: (1200, 800),
        aspect: (3, 2),
        aspect_tolerance_percent: 5,
    };
    assert_eq!(spec.check((1200, 800)), Ok(()));
    // 1500/980 = 1.531, 2.0% off 1.5: within 5%.
    assert_eq!(spec.check((1500, 980)), Ok(()));
    assert!(matches!(
        spec.check((600, 400)),
        Err(ImageProblem::TooSmall { .. })
    ));
    // 1600/900 = 1.78, 18.5% off.
    assert!(matches!(
        spec.check((1600, 900)),
        Err(ImageProblem::WrongAspect { .. })
    ));
    let message = spec.check((600, 400)).unwrap_err().to_string();
    assert_eq!(
        message,
        "the image is 600 × 400 pixels; the print needs at least 1200 × 800"
    );
}

#[test]
fn the_quote_prints_the_text_verbatim() {
    assert_eq!(
        plate().describe(&text("Anna & Tom")),
        "Name plate: “Anna & Tom” (Sans, brass, on the top)"
    );
}
