# CQL::Parser (libcql-parser-perl) as a peer: `canon` prints each stdin query's tree in the
# canonical form the interop test derives from our AST; `bench N` times N parses of every query.
use strict;
use warnings;
use CQL::Parser;
use Time::HiRes qw(time);

binmode STDIN, ':utf8';
binmode STDOUT, ':utf8';
my $parser = CQL::Parser->new;

sub mods {
    my ($list) = @_;
    my $out = '';
    for my $m (@$list) {
        my ($type, $value) = @$m;
        $out .= defined $type ? "/$type=$value" : "/$value";
    }
    return $out;
}

sub canon {
    my ($n) = @_;
    if ($n->isa('CQL::PrefixNode')) {
        my $p = $n->getPrefix;
        return 'P(' . ($p->getName // '') . '=' . $p->getIdentifier . ',' . canon($n->getSubtree) . ')';
    }
    if ($n->isa('CQL::TermNode')) {
        my $index = $n->getQualifier;
        my $rel = $n->getRelation;
        my $base = $rel->getBase;
        # CQL 1.1 defaults; CQL 1.2 (and we) call them cql.serverChoice and '='.
        $index = 'cql.serverChoice' if $index eq 'srw.ServerChoice' || $index eq 'srw.serverChoice';
        $base = '=' if $base eq 'scr';
        return "C($index|$base" . mods([ $rel->getModifiers ]) . '|' . $n->getTerm . ')';
    }
    my $mods = $n->isa('CQL::ProxNode') ? mods([ $n->getModifiers ]) : '';
    return 'B(' . $n->op . $mods . ',' . canon($n->left) . ',' . canon($n->right) . ')';
}

my @queries = map { chomp; $_ } <STDIN>;
if (($ARGV[0] // '') eq 'bench') {
    my $rounds = $ARGV[1];
    my $count = 0;
    my $t0 = time;
    for (1 .. $rounds) {
        for my $q (@queries) {
            eval { $parser->parse($q) };
            $count++;
        }
    }
    printf "%d %d\n", (time - $t0) * 1e9, $count;
    exit 0;
}
for my $q (@queries) {
    my $node = eval { $parser->parse($q) };
    print defined $node ? canon($node) . "\n" : "ERROR\n";
}
