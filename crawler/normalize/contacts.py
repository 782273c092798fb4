"""Department, phone number, legal basis and term, as the committee and meeting pages write them.

The pages write a phone as "2133-2632" (a Seoul city hall line without the area code), as
"02-2133-2081", or inside the department cell ("공원조성과 (02-2133-2081)"). The portal shows and
links one form, 02-2133-2632, so the number is normalised here. "설치근거/임기" puts the legal
basis and the members' term in one cell separated by " / ".
"""

from __future__ import annotations

import re

from crawler.normalize._text import prepare, prepare_compat

__all__ = ["normalise_phone", "split_basis_term", "split_department_phone"]

# A run that may be a phone number: digits with the separators people type between them.
_PHONE_RUN = re.compile(r"(?:\+\s*82[\s.\-)]*)?\(?[0-9][0-9().\-]*(?:\s[0-9(][0-9().\-]*)*[0-9]")
_NATIONWIDE = re.compile(r"1[5-8][0-9]{2}")  # 1588-xxxx and the like have no area code


def normalise_phone(text: str | None) -> str:
    """A Korean phone number in dashed form: "2133-2632", "0221332632", "02)2133-2632" →
    "02-2133-2632"; "+82 2 2133 2632" too; mobile and other area codes keep their own prefix.

    A number written without an area code on these pages is a Seoul line, so "02" is added. Not a
    phone number (too short, masked "****", several numbers run together) → "".
    """
    cleaned = prepare_compat(text)
    for run in _PHONE_RUN.finditer(cleaned):
        for candidate in (run.group(0), *run.group(0).split()):
            formatted = _format_digits(candidate)
            if formatted:
                return formatted
    return ""


def _format_digits(candidate: str) -> str:
    digits = re.sub(r"[^0-9]", "", candidate)
    if candidate.lstrip("(").startswith("+") or (digits.startswith("82") and len(digits) >= 11):
        digits = "0" + digits[2:].lstrip("0")
    if digits.startswith("02"):
        area, local = "02", digits[2:]
    elif digits.startswith("0"):
        area, local = digits[:3], digits[3:]
    elif len(digits) == 8 and _NATIONWIDE.match(digits):
        return f"{digits[:4]}-{digits[4:]}"
    else:
        area, local = "02", digits
    if len(local) not in (7, 8) or local.startswith("0"):
        return ""
    return f"{area}-{local[:-4]}-{local[-4:]}"


# A trailing or embedded parenthesis: a phone, or a note about the department.
_PARENS = re.compile(r"\s*[(（][^()（）]*[)）]")
_PHONE_LABEL = re.compile(r"(?:☎|☏|Tel\.?|TEL\.?|전화(?:번호)?\s*:?)\s*$")


def split_department_phone(text: str | None) -> tuple[str, str]:
    """(department, phone) from a 담당부서(연락처) cell; phone "" when there is none.

    "공원조성과 (2133-2081)" → ("공원조성과", "02-2133-2081"). A parenthesis that is not a phone is
    a note about the department ("도시관리과 (공공데이터 관리부서: 도시계획과)",
    "… (합의제 행정기관)"): it is left out so that the department is a name to group by.
    """
    cleaned = prepare(text)
    if not cleaned:
        return "", ""
    phone = ""
    department = cleaned
    for found in _PARENS.finditer(cleaned):
        formatted = normalise_phone(found.group(0))
        if formatted and not phone:
            phone = formatted
    department = _PARENS.sub(" ", department)
    if not phone:
        run = _PHONE_RUN.search(department)
        if run and (formatted := normalise_phone(run.group(0))):
            phone = formatted
            department = department[: run.start()] + " " + department[run.end() :]
    department = _PHONE_LABEL.sub("", department.strip())
    department = re.sub(r"\s+", " ", department).strip(" /,·:")
    return department, phone


_TERM = re.compile(r"(?:임기\s*:?\s*)?[0-9]+\s*(?:년|개월|월|일)|없음|해당\s*없음|-|–|—")


def split_basis_term(text: str | None) -> tuple[str, str]:
    """(legal basis, term) from a 설치근거/임기 cell, split at the last "/".

    "도시공원 및 녹지 등에 관한 법률 제50조, 서울특별시 도시공원 조례 제24조 / 2년" →
    ("도시공원 및 … 제24조", "2년"). The right-hand side counts as a term only when it looks like
    one (a duration, 없음, a dash); otherwise the "/" belongs to the basis and the term is "".
    """
    cleaned = prepare(text)
    if not cleaned:
        return "", ""
    basis, slash, term = cleaned.rpartition("/")
    term = term.strip()
    if slash and not term:
        return basis.strip(), ""
    if slash and _TERM.match(prepare_compat(term)):
        return basis.strip(), term
    return cleaned, ""
