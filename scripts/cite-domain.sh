#!/bin/sh
# Rewrite citations of files that are not in the repository into citations a user can open.
#
# The crate's doc comments, diagnostic rules, JSON Schema descriptions and tests used to cite
# "DOMAIN.md §n" and "DESIGN.md", research notes that were never part of the repository. This
# script rewrites each citation into the anchor of the crate's own domain reference
# (docs/domain.md#anchor) or design notes (docs/design.md#anchor) that states the same rule:
#
#   §1 setting / professions / bands        §6 advanced-practice / ap-deadlines / ap-evidence /
#   §2 entry-requirements / experience         ap-framework
#   §3 roadmap-stages / stage-1 / stage-2 / §7 frameworks
#      stage-2-verification / checklist     §8 hcpc-registration / registration-numbers / renewal /
#   §4 evidence-types                          cpd-audit / registration-statuses / readmission
#   §5 supervisors / supervisor-training    §9 rule-sets / independent-route /
#                                              procured-provision / recognition / stage-3
#
# Within a section the most precise anchor is chosen from the diagnostic code the citation
# belongs to (a code row of src/diagnostic/code.rs, or a test asserting a code's rule), else
# from words on the citation's line (or the comment line before it), else the section's default.
#
# Idempotent: a second run changes nothing (the rewritten text no longer matches). Run it from
# anywhere; it works on the repository that holds it and touches only files whose text changes.
# After running it, refresh the committed JSON Schema if its test says so:
#   UPDATE_SCHEMA=1 cargo test --all-features --test exports schema
set -eu

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

find src docs schema tests examples benches README.md -type f \
    \( -name '*.rs' -o -name '*.md' -o -name '*.json' \) \
    ! -path tests/api/citations.rs ! -path docs/domain.md ! -path docs/design.md -print0 |
    sort -z |
    xargs -0 perl -e "$(cat <<'PERL'
use strict;
use warnings;

my %default = (
    1 => 'setting', 2 => 'entry-requirements', 3 => 'roadmap-stages',
    4 => 'evidence-types', 5 => 'supervisors', 6 => 'advanced-practice',
    7 => 'frameworks', 8 => 'hcpc-registration', 9 => 'rule-sets',
);

# Diagnostic codes (and their variant names) => [section, anchor].
my %code = (
    V001 => [7, 'frameworks'], FrameworkUnresolved => [7, 'frameworks'],
    V002 => [7, 'frameworks'], FrameworkIncomplete => [7, 'frameworks'],
    V010 => [2, 'entry-requirements'], TraineeNotInGoodStanding => [2, 'entry-requirements'],
    V011 => [8, 'registration-numbers'], RegistrationProfessionMismatch => [8, 'registration-numbers'],
    V020 => [2, 'experience'], ExperienceNotMet => [2, 'experience'],
    V033 => [9, 'supervisor-training'], SupervisorTrainingMissing => [9, 'supervisor-training'],
    V040 => [3, 'checklist'], SignOffMissing => [3, 'checklist'],
    V041 => [3, 'stage-2-verification'], SignOffOutOfOrder => [3, 'stage-2-verification'],
    V042 => [3, 'stage-2-verification'], DigestMismatch => [3, 'stage-2-verification'],
    V043 => [3, 'stage-2-verification'], SignedContentMissing => [3, 'stage-2-verification'],
    V044 => [3, 'stage-2-verification'], WrongSigner => [3, 'stage-2-verification'],
    V045 => [9, 'procured-provision'], EducationProviderApprovalMissing => [9, 'procured-provision'],
    V046 => [3, 'stage-2-verification'], DeclarationMissing => [3, 'stage-2-verification'],
    V047 => [3, 'stage-2-verification'], ReadinessMissing => [3, 'stage-2-verification'],
    V048 => [3, 'stage-2-verification'], SignOffInFuture => [3, 'stage-2-verification'],
    V050 => [3, 'stage-2-verification'], RatingMissing => [3, 'stage-2-verification'],
    V051 => [3, 'stage-2-verification'], RatingBelowCapable => [3, 'stage-2-verification'],
    V052 => [7, 'frameworks'], RatingUnknownCapability => [7, 'frameworks'],
    V053 => [3, 'stage-2-verification'], RatingUnknownEvidence => [3, 'stage-2-verification'],
    V054 => [3, 'stage-2-verification'], EventUnknownEvidence => [3, 'stage-2-verification'],
    V060 => [3, 'stage-2-verification'], CapabilityUncovered => [3, 'stage-2-verification'],
    V061 => [3, 'stage-2'], BelowSuggestedEvidence => [3, 'stage-2'],
    V062 => [7, 'frameworks'], EvidenceUnknownCapability => [7, 'frameworks'],
    V063 => [4, 'evidence-types'], UnknownAssessor => [4, 'evidence-types'],
    V064 => [7, 'frameworks'], EvidenceUnknownArea => [7, 'frameworks'],
    V070 => [3, 'stage-2'], Stage2OverSixMonths => [3, 'stage-2'],
    V080 => [9, 'independent-route'], RouteClosed => [9, 'independent-route'],
    V081 => [3, 'stage-1'], RouteMismatch => [3, 'stage-1'],
    V082 => [9, 'procured-provision'], LearningNeedsAnalysisMissing => [9, 'procured-provision'],
    V090 => [3, 'roadmap-stages'], EventRefused => [3, 'roadmap-stages'],
);

# [section, pattern, anchor], tried in order on the citation's line.
my @words = (
    [1, qr/\bband\b/i, 'bands'],
    [1, qr/profession/i, 'professions'],
    [2, qr/band 6|experience|practice period|part[- ]time|years|dietitian|paramedic|consolidation|specialty|preceptorship|first registration|counts|\bBDA\b/i, 'experience'],
    [3, qr/FAQ Q2|retrospective|before employment|stage 1 route|evidences stage 1|e-learning|\bKSA\b/i, 'stage-1'],
    [3, qr/checklist|9\.4/i, 'checklist'],
    [3, qr/stage 3|stages/i, 'roadmap-stages'],
    [3, qr/stage 2 verification|verification step|verification pages|\bsteps? \d|rating|rated|declaration|readiness|sign-off|signs|signed|digest|capable|excellent/i, 'stage-2-verification'],
    [3, qr/six months|6 months|six calendar months|pro rata|WPBAs a month|pieces of evidence|per capability heading|stage 2/i, 'stage-2'],
    [3, qr/\broute\b/i, 'stage-1'],
    [5, qr/training|course/i, 'supervisor-training'],
    [6, qr/locked|internal verification/i, 'advanced-practice'],
    [6, qr/deadline|time[ds]? out|times out|deferral|\bLNA\b|learning needs/i, 'ap-deadlines'],
    [6, qr/evidence|pieces|attachment|peer|limits/i, 'ap-evidence'],
    [6, qr/capabilit|numbering|pillar|framework/i, 'ap-framework'],
    [8, qr/readmi|returning|return to|updating|out of practice|anniversary|leaving the register/i, 'readmission'],
    [8, qr/renew|window|deadline|lapse date/i, 'renewal'],
    [8, qr/\bCPD\b|audit/i, 'cpd-audit'],
    [8, qr/number|digits|\bcode\b|\bGMC\b|\bNMC\b|FHIR|GOsC|zero/i, 'registration-numbers'],
    [8, qr/caution|conditions|suspension|interim|order|struck|art 29|art 31|art 33|lifecycle|refused|transition/i, 'registration-statuses'],
    [9, qr/independent|run-off|closed|closes/i, 'independent-route'],
    [9, qr/which routes/i, 'rule-sets'],
    [9, qr/learning needs|education[- ]provider|\bLNA\b|procured|supported/i, 'procured-provision'],
    [9, qr/badge|recogni|directory/i, 'recognition'],
    [9, qr/stage 3/i, 'stage-3'],
    [9, qr/supervisor training|training/i, 'supervisor-training'],
);

my $comment = qr{^\s*//[/!]?\s?};

# The anchor for section $n cited at byte $at of $text.
sub anchor {
    my ($n, $text, $at, $json) = @_;
    my $start = rindex($text, "\n", $at - 1) + 1;
    my $end = index($text, "\n", $at);
    $end = length $text if $end < 0;
    my $line = substr($text, $start, $end - $start);
    my $col = $at - $start;
    my @before = split /\n/, substr($text, 0, $start), -1;
    pop @before if @before && $before[-1] eq '';
    # The line's text; in JSON, the one line of a description that holds the citation.
    my ($here, $prev, $next) = ($line, undef, undef);
    if ($json) {
        my @seg = split /\\n/, substr($line, 0, $col), -1;
        my $tail = substr($line, $col);
        $tail =~ s/\\n.*//;
        $here = $seg[-1] . $tail;
        $prev = $seg[-2] if @seg > 1;
        my @after = split /\\n/, substr($line, $col), -1;
        $next = $after[1] if @after > 1;
    } else {
        if ($line =~ $comment && @before && $before[-1] =~ $comment) {
            $prev = $before[-1];
        }
        my $next_end = index($text, "\n", $end + 1);
        $next_end = length $text if $next_end < 0;
        my $following = $end < length $text ? substr($text, $end + 1, $next_end - $end - 1) : '';
        # A citation broken over two comment lines: its line includes the next one.
        if (substr($line, $col) =~ /^DOMAIN\.md\s*$/) {
            $here .= ' ' . $following;
        } elsif ($line =~ $comment && $following =~ $comment) {
            $next = $following;
        }
    }
    unless ($json) {
        # The nearest line that names a code decides, even when this script does not know
        # the code (then the words below do).
        for my $l ($here, reverse @before[($#before > 2 ? $#before - 2 : 0) .. $#before]) {
            next unless defined $l;
            for my $id ($l =~ /\b([DV]\d{3}|[A-Z][A-Za-z0-9]+)\b/g) {
                my $c = $code{$id} or next;
                return $c->[1] if $c->[0] == $n;
            }
            last if $l =~ /\b[DV]\d{3}\b/;
        }
    }
    for my $l (grep { defined } $here, $prev, $next) {
        (my $plain = $l) =~ s/$comment//;
        for my $w (@words) {
            return $w->[2] if $w->[0] == $n && $plain =~ $w->[1];
        }
    }
    return $default{$n};
}

sub rewrite {
    my ($text, $json) = @_;
    # "DOMAIN.md §3", "DOMAIN.md §4, §5", "DOMAIN.md §2 and §5", a citation broken after
    # "DOMAIN.md" at the end of a comment line, or "\n" inside a JSON string.
    $text =~ s{
        (?<lead>[ ]?`?)(?:\.\./shared/)?DOMAIN\.md`?(?<gap>\n[ \t]*//[/!]?[ \t]*|\\n|[ ]\\\n[ \t]*|[ ])
        §(?<first>\d)(?<rest>(?:(?:,[ ]|[ ]and[ ])§\d)*)
    }{
        my ($lead, $gap, $first, $rest) = ($+{lead}, $+{gap}, $+{first}, $+{rest});
        my $at = $-[0] + length $lead;
        $lead =~ s/`//;
        my $out = 'docs/domain.md#' . anchor($first, $text, $at, $json);
        my %seen = ($out => 1);
        $rest =~ s{(,[ ]|[ ]and[ ])§(\d)}{
            my $more = 'docs/domain.md#' . anchor($2, $text, $at, $json);
            $seen{$more}++ ? '' : "$1$more"
        }ge;
        # A break inside a Rust string (`\` at the end of the line) goes after the anchor.
        $gap =~ /^ \\(\n.*)\z/s ? "$lead$out$rest\\$1"
            : ($gap eq ' ' ? $lead : $gap =~ /^\n/ ? $gap : "$lead$gap") . $out . $rest
    }gex;
    # "DOMAIN.md sections 2, 5, 8", "DOMAIN.md sections 1 and 8", "DOMAIN.md section 1".
    $text =~ s{DOMAIN\.md[ ]sections?[ ](\d(?:(?:,[ ]|[ ]and[ ])\d)*)}{
        my ($list, $at) = ($1, $-[0]);
        $list =~ s{(\d)}{'docs/domain.md#' . anchor($1, $text, $at, $json)}ge;
        $list
    }gex;
    # Sentences about the notes rather than a section of them.
    $text =~ s{(\.[ ]|//[/!][ ])DOMAIN\.md gives (no|none)\b}{$1The sources give $2}g;
    $text =~ s{DOMAIN\.md gives (no|none)\b}{the sources give $1}g;
    $text =~ s{maximum in DOMAIN\.md}{published maximum}g;
    $text =~ s{is not described in DOMAIN\.md}{is not described in our sources (docs/domain.md#renewal)}g;
    $text =~ s{whose structure DOMAIN\.md marks as}{whose structure docs/domain.md#frameworks marks as}g;
    $text =~ s{\(DESIGN\.md, "The two faces of the state machine"\)}{(docs/design.md#two-faces)}g;
    return $text;
}

# The section each anchor belongs to.
my %section_of = map { $_->[2] => $_->[0] } @words;
$section_of{$default{$_}} = $_ for keys %default;
$section_of{$_->[1]} = $_->[0] for values %code;

my $codes = 'src/diagnostic/code.rs';
my $changed = 0;
# The code table first: the anchors its rows end up with are then used for every other
# citation that names a code, so a test asserting a code's rule agrees with the table even
# for a code this script does not list.
for my $file ((grep { $_ eq $codes } @ARGV), (grep { $_ ne $codes } @ARGV)) {
    open my $in, '<:raw', $file or die "$file: $!";
    my $text = do { local $/; <$in> };
    close $in;
    my $new = rewrite($text, $file =~ /\.json\z/);
    if ($file eq $codes) {
        while ($new =~ /^\s*(\w+)\s*=\s*"([DV]\d{3})",\s*\w+,\s*"docs\/domain\.md#([a-z0-9-]+)"/mg) {
            my ($name, $id, $anchor) = ($1, $2, $3);
            my $n = $section_of{$anchor} or next;
            $code{$id} //= [$n, $anchor];
            $code{$name} //= [$n, $anchor];
        }
    }
    next if $new eq $text;
    open my $out, '>:raw', $file or die "$file: $!";
    print {$out} $new;
    close $out or die "$file: $!";
    $changed++;
    print "rewrote $file\n";
}
print "cite-domain: $changed file(s) changed\n";
PERL
)"
