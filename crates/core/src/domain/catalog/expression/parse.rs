//! Reads the text of an expression into an untyped syntax tree, each node with the place (in
//! characters from the start of the text) it was read from, for error messages.
//!
//! A hand-written tokenizer and Pratt parser: the grammar is a dozen operators and six
//! functions, so a parser generator would add a dependency and a build step for no gain, and
//! the hand-written one gives exact error places and messages.
//!
//! Grammar (loosest first): `or`, `and`, `not`, comparisons (`= != < <= > >=`, `in [..]`),
//! `+ -`, `* /`, unary `-`, then atoms: numbers (`600`, `1.5`), words (`width`, `left`), quoted
//! words for ids that are not plain words (`'dark-oak'`, `'2p'`), `( .. )` and calls
//! `name(arg, ..)`.

use rust_decimal::Decimal;
use std::str::FromStr;

/// A place in the expression's text, in characters from its start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    /// First character.
    pub start: usize,
    /// One past the last character.
    pub end: usize,
}

/// A mistake in an expression's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    /// Where it is.
    pub span: Span,
    /// What is wrong.
    pub message: String,
}

/// Comparison operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CompareOp {
    /// `=`
    Eq,
    /// `!=`
    Ne,
    /// `<`
    Lt,
    /// `<=`
    Le,
    /// `>`
    Gt,
    /// `>=`
    Ge,
}

/// Arithmetic operators.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArithOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mul,
    /// `/`
    Div,
}

/// An expression as written, before names are resolved and types checked.
#[derive(Debug, Clone, PartialEq)]
pub enum Syntax {
    /// A number.
    Number(Decimal, Span),
    /// `true` or `false`.
    Bool(bool, Span),
    /// A word or quoted word: an option, a derived value, a choice value or a name.
    Word(String, Span),
    /// `not x`.
    Not(Box<Syntax>, Span),
    /// `a and b`.
    And(Box<Syntax>, Box<Syntax>, Span),
    /// `a or b`.
    Or(Box<Syntax>, Box<Syntax>, Span),
    /// `a < b` and the other comparisons.
    Compare(CompareOp, Box<Syntax>, Box<Syntax>, Span),
    /// `a in [x, y]`.
    In(Box<Syntax>, Vec<Syntax>, Span),
    /// `a + b` and the other operators.
    Arith(ArithOp, Box<Syntax>, Box<Syntax>, Span),
    /// `-a`.
    Negate(Box<Syntax>, Span),
    /// `name(args)`.
    Call(String, Span, Vec<Syntax>, Span),
}

impl Syntax {
    /// Where the node was read from.
    #[must_use]
    pub fn span(&self) -> Span {
        match self {
            Syntax::Number(_, span)
            | Syntax::Bool(_, span)
            | Syntax::Word(_, span)
            | Syntax::Not(_, span)
            | Syntax::And(_, _, span)
            | Syntax::Or(_, _, span)
            | Syntax::Compare(_, _, _, span)
            | Syntax::In(_, _, span)
            | Syntax::Arith(_, _, _, span)
            | Syntax::Negate(_, span)
            | Syntax::Call(_, _, _, span) => *span,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
enum Token {
    Number(Decimal),
    Word(String),
    Quoted(String),
    Symbol(&'static str),
    End,
}

/// Most characters in one expression.
pub const MAX_EXPRESSION_CHARS: usize = 2_000;
/// Deepest nesting of brackets and operators.
const MAX_DEPTH: usize = 64;

/// Parses an expression's text.
///
/// # Errors
/// The first mistake, with its place.
pub fn parse(text: &str) -> Result<Syntax, SyntaxError> {
    let length = text.chars().count();
    if length > MAX_EXPRESSION_CHARS {
        return Err(SyntaxError {
            span: Span { start: 0, end: 0 },
            message: format!(
                "the expression is {length} characters long; at most {MAX_EXPRESSION_CHARS}"
            ),
        });
    }
    let tokens = tokenize(text)?;
    let mut parser = Parser {
        tokens,
        at: 0,
        depth: 0,
    };
    let syntax = parser.expression(0)?;
    let (token, span) = parser.peek();
    if token != Token::End {
        return Err(SyntaxError {
            span,
            message: format!(
                "expected `and`, `or` or an operator, found {}",
                describe(&token)
            ),
        });
    }
    Ok(syntax)
}

fn describe(token: &Token) -> String {
    match token {
        Token::Number(number) => format!("the number {number}"),
        Token::Word(word) => format!("`{word}`"),
        Token::Quoted(word) => format!("`'{word}'`"),
        Token::Symbol(symbol) => format!("`{symbol}`"),
        Token::End => "the end of the expression".to_owned(),
    }
}

const SYMBOLS: [&str; 14] = [
    "!=", "<=", ">=", "=", "<", ">", "+", "-", "*", "/", "(", ")", "[", "]",
];

fn tokenize(text: &str) -> Result<Vec<(Token, Span)>, SyntaxError> {
    let chars: Vec<char> = text.chars().collect();
    let mut tokens = Vec::new();
    let mut at = 0;
    while at < chars.len() {
        let c = chars[at];
        let start = at;
        if c.is_whitespace() {
            at += 1;
            continue;
        }
        let token = if c.is_ascii_digit() {
            while at < chars.len() && (chars[at].is_ascii_digit() || chars[at] == '.') {
                at += 1;
            }
            let digits: String = chars[start..at].iter().collect();
            let number = Decimal::from_str(&digits).map_err(|_| SyntaxError {
                span: Span { start, end: at },
                message: format!("`{digits}` is not a number"),
            })?;
            if at < chars.len() && (chars[at].is_alphabetic() || chars[at] == '_') {
                return Err(SyntaxError {
                    span: Span { start, end: at + 1 },
                    message: "a word cannot start with a digit: put ids such as 2p in single quotes ('2p')".to_owned(),
                });
            }
            Token::Number(number)
        } else if c.is_ascii_alphabetic() || c == '_' {
            while at < chars.len() && (chars[at].is_ascii_alphanumeric() || chars[at] == '_') {
                at += 1;
            }
            Token::Word(chars[start..at].iter().collect())
        } else if c == '\'' {
            at += 1;
            while at < chars.len() && chars[at] != '\'' {
                at += 1;
            }
            if at >= chars.len() {
                return Err(SyntaxError {
                    span: Span { start, end: at },
                    message: "a quoted word has no closing `'`".to_owned(),
                });
            }
            at += 1;
            let word: String = chars[start + 1..at - 1].iter().collect();
            if word.is_empty() {
                return Err(SyntaxError {
                    span: Span { start, end: at },
                    message: "an empty quoted word `''`".to_owned(),
                });
            }
            Token::Quoted(word)
        } else if c == ',' {
            at += 1;
            Token::Symbol(",")
        } else {
            let rest: String = chars[at..chars.len().min(at + 2)].iter().collect();
            let Some(symbol) = SYMBOLS.iter().find(|symbol| rest.starts_with(**symbol)) else {
                let hint = match c {
                    '&' => ": write `and`",
                    '|' => ": write `or`",
                    '!' => ": write `not`",
                    '"' => ": quote ids with single quotes ('dark-oak')",
                    _ => "",
                };
                return Err(SyntaxError {
                    span: Span {
                        start,
                        end: start + 1,
                    },
                    message: format!("unexpected character `{c}`{hint}"),
                });
            };
            at += symbol.chars().count();
            Token::Symbol(symbol)
        };
        tokens.push((token, Span { start, end: at }));
    }
    tokens.push((
        Token::End,
        Span {
            start: chars.len(),
            end: chars.len(),
        },
    ));
    Ok(tokens)
}

struct Parser {
    tokens: Vec<(Token, Span)>,
    at: usize,
    depth: usize,
}

/// Binding power of infix operators: `or` 1, `and` 2, comparisons 4, `+ -` 5, `* /` 6.
fn infix_power(token: &Token) -> Option<u8> {
    match token {
        Token::Word(word) if word == "or" => Some(1),
        Token::Word(word) if word == "and" => Some(2),
        Token::Word(word) if word == "in" => Some(4),
        Token::Symbol("=" | "!=" | "<" | "<=" | ">" | ">=") => Some(4),
        Token::Symbol("+" | "-") => Some(5),
        Token::Symbol("*" | "/") => Some(6),
        _ => None,
    }
}

fn join(a: Span, b: Span) -> Span {
    Span {
        start: a.start.min(b.start),
        end: a.end.max(b.end),
    }
}

impl Parser {
    fn peek(&self) -> (Token, Span) {
        self.tokens[self.at.min(self.tokens.len() - 1)].clone()
    }

    fn next(&mut self) -> (Token, Span) {
        let token = self.peek();
        if self.at < self.tokens.len() - 1 {
            self.at += 1;
        }
        token
    }

    fn expect(&mut self, symbol: &'static str) -> Result<Span, SyntaxError> {
        let (token, span) = self.next();
        if token == Token::Symbol(symbol) {
            Ok(span)
        } else {
            Err(SyntaxError {
                span,
                message: format!("expected `{symbol}`, found {}", describe(&token)),
            })
        }
    }

    fn expression(&mut self, min_power: u8) -> Result<Syntax, SyntaxError> {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            let (_, span) = self.peek();
            return Err(SyntaxError {
                span,
                message: format!("the expression nests deeper than {MAX_DEPTH} levels"),
            });
        }
        let mut left = self.prefix()?;
        loop {
            let (token, operator_span) = self.peek();
            let Some(power) = infix_power(&token) else {
                break;
            };
            if power < min_power {
                break;
            }
            self.next();
            if token == Token::Word("in".to_owned()) {
                self.expect("[")?;
                let mut items = Vec::new();
                loop {
                    items.push(self.expression(5)?);
                    let (token, span) = self.next();
                    match token {
                        Token::Symbol(",") => {}
                        Token::Symbol("]") => {
                            let span = join(left.span(), span);
                            left = Syntax::In(Box::new(left), items, span);
                            break;
                        }
                        other => {
                            return Err(SyntaxError {
                                span,
                                message: format!(
                                    "expected `,` or `]` in the list, found {}",
                                    describe(&other)
                                ),
                            });
                        }
                    }
                }
                continue;
            }
            // Comparisons do not chain: `a < b < c` is an error, not `(a < b) < c`.
            let right_power = if power == 4 { 5 } else { power + 1 };
            let right = self.expression(right_power)?;
            let span = join(left.span(), right.span());
            left = match token {
                Token::Word(word) if word == "or" => {
                    Syntax::Or(Box::new(left), Box::new(right), span)
                }
                Token::Word(word) if word == "and" => {
                    Syntax::And(Box::new(left), Box::new(right), span)
                }
                Token::Symbol(symbol) => match symbol {
                    "+" => Syntax::Arith(ArithOp::Add, Box::new(left), Box::new(right), span),
                    "-" => Syntax::Arith(ArithOp::Sub, Box::new(left), Box::new(right), span),
                    "*" => Syntax::Arith(ArithOp::Mul, Box::new(left), Box::new(right), span),
                    "/" => Syntax::Arith(ArithOp::Div, Box::new(left), Box::new(right), span),
                    _ => {
                        let op = match symbol {
                            "=" => CompareOp::Eq,
                            "!=" => CompareOp::Ne,
                            "<" => CompareOp::Lt,
                            "<=" => CompareOp::Le,
                            ">" => CompareOp::Gt,
                            _ => CompareOp::Ge,
                        };
                        if let Syntax::Compare(..) = left {
                            return Err(SyntaxError {
                                span: operator_span,
                                message: "comparisons do not chain: write `a < b and b < c`"
                                    .to_owned(),
                            });
                        }
                        Syntax::Compare(op, Box::new(left), Box::new(right), span)
                    }
                },
                _ => unreachable_operator(operator_span)?,
            };
        }
        self.depth -= 1;
        Ok(left)
    }

    fn prefix(&mut self) -> Result<Syntax, SyntaxError> {
        let (token, span) = self.next();
        match token {
            Token::Number(number) => Ok(Syntax::Number(number, span)),
            Token::Quoted(word) => Ok(Syntax::Word(word, span)),
            Token::Symbol("-") => {
                let inner = self.expression(7)?;
                let joined = join(span, inner.span());
                Ok(Syntax::Negate(Box::new(inner), joined))
            }
            Token::Symbol("(") => {
                let inner = self.expression(0)?;
                self.expect(")")?;
                Ok(inner)
            }
            Token::Word(word) => match word.as_str() {
                "true" | "false" => Ok(Syntax::Bool(word == "true", span)),
                "not" => {
                    let inner = self.expression(3)?;
                    let joined = join(span, inner.span());
                    Ok(Syntax::Not(Box::new(inner), joined))
                }
                "and" | "or" | "in" => Err(SyntaxError {
                    span,
                    message: format!(
                        "`{word}` needs something before it; quote an id that is spelled `{word}` ('{word}')"
                    ),
                }),
                _ => {
                    if self.peek().0 == Token::Symbol("(") {
                        self.next();
                        let mut args = Vec::new();
                        if self.peek().0 == Token::Symbol(")") {
                            let (_, close) = self.next();
                            return Ok(Syntax::Call(word, span, args, join(span, close)));
                        }
                        loop {
                            args.push(self.expression(0)?);
                            let (token, close) = self.next();
                            match token {
                                Token::Symbol(",") => {}
                                Token::Symbol(")") => {
                                    return Ok(Syntax::Call(word, span, args, join(span, close)));
                                }
                                other => {
                                    return Err(SyntaxError {
                                        span: close,
                                        message: format!(
                                            "expected `,` or `)` after an argument of `{word}`, found {}",
                                            describe(&other)
                                        ),
                                    });
                                }
                            }
                        }
                    }
                    Ok(Syntax::Word(word, span))
                }
            },
            other => Err(SyntaxError {
                span,
                message: format!(
                    "expected a value, a name or `(`, found {}",
                    describe(&other)
                ),
            }),
        }
    }
}

fn unreachable_operator(span: Span) -> Result<Syntax, SyntaxError> {
    Err(SyntaxError {
        span,
        message: "unexpected operator".to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape(syntax: &Syntax) -> String {
        match syntax {
            Syntax::Number(number, _) => number.to_string(),
            Syntax::Bool(value, _) => value.to_string(),
            Syntax::Word(word, _) => word.clone(),
            Syntax::Not(inner, _) => format!("(not {})", shape(inner)),
            Syntax::And(a, b, _) => format!("({} and {})", shape(a), shape(b)),
            Syntax::Or(a, b, _) => format!("({} or {})", shape(a), shape(b)),
            Syntax::Compare(op, a, b, _) => format!("({} {op:?} {})", shape(a), shape(b)),
            Syntax::In(a, items, _) => format!(
                "({} in [{}])",
                shape(a),
                items.iter().map(shape).collect::<Vec<_>>().join(", ")
            ),
            Syntax::Arith(op, a, b, _) => format!("({} {op:?} {})", shape(a), shape(b)),
            Syntax::Negate(inner, _) => format!("(-{})", shape(inner)),
            Syntax::Call(name, _, args, _) => format!(
                "{name}({})",
                args.iter().map(shape).collect::<Vec<_>>().join(", ")
            ),
        }
    }

    #[test]
    fn precedence_binds_arithmetic_then_comparison_then_not_and_or() {
        let syntax = parse("a = x or not b < 2 + 3 * 4 and c in [p, 'dark-oak']").unwrap();
        assert_eq!(
            shape(&syntax),
            "((a Eq x) or ((not (b Lt (2 Add (3 Mul 4)))) and (c in [p, dark-oak])))"
        );
        let syntax = parse("floor(width / 600) - -1 >= max(2, seats)").unwrap();
        assert_eq!(
            shape(&syntax),
            "((floor((width Div 600)) Sub (-1)) Ge max(2, seats))"
        );
    }

    #[test]
    fn mistakes_name_their_place_in_characters() {
        let error = parse("width < 2400 &&").unwrap_err();
        assert_eq!(error.span.start, 13);
        assert!(error.message.contains("write `and`"), "{}", error.message);
        let error = parse("a < b < c").unwrap_err();
        assert_eq!(error.span.start, 6);
        let error = parse("arm = 'slim").unwrap_err();
        assert_eq!(error.span.start, 6);
        let error = parse("(width + 1").unwrap_err();
        assert_eq!(
            error.message,
            "expected `)`, found the end of the expression"
        );
        assert_eq!(error.span.start, 10);
        let error = parse("colour = 2p").unwrap_err();
        assert_eq!(error.span.start, 9);
        let error = parse("width 2").unwrap_err();
        assert_eq!(error.span.start, 6);
    }
}
