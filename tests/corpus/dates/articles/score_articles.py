#!/usr/bin/env python3
# Whole-article check of `linimasa dates` on the marked-up articles next to this script:
# every `{text|TYPE VALUE [MOD]}` is one expected expression; the article (markup removed)
# is run at its `@dct` date and every miss, partial span, wrong value and spurious tag is listed.
# At the end: strict (same span) and relaxed (overlapping) span P/R/F1, and value P/R/F1 over the
# relaxed matches (type, value and mod right; a `+07:00` zone is ignored, as score-dates does).
# usage: score_articles.py [path/to/linimasa [GLOB...]]   e.g. ... build/src/linimasa 'a7_*' 'a1[0-2]_*'
import re,sys,subprocess,glob,os,tempfile
HERE=os.path.dirname(os.path.abspath(__file__))
BIN=sys.argv[1] if len(sys.argv)>1 else 'build/src/linimasa'
pat=re.compile(r'\{([^{}|]+)\|([^{}]+)\}')
def parse(path):
    lines=open(path).read().split('\n')
    dct=lines[0].split()[1]; body='\n'.join(lines[1:]).strip('\n')+'\n'
    raw='';gold=[];pos=0
    for m in pat.finditer(body):
        raw+=body[pos:m.start()]
        s=len(raw.encode()); raw+=m.group(1); e=len(raw.encode())
        f=m.group(2).split(); gold.append((s,e,f[0],f[1],f[2] if len(f)>2 else '',m.group(1)))
        pos=m.end()
    raw+=body[pos:]
    return dct,raw,gold,body
def run(dct,raw,name):
    p=os.path.join(tempfile.gettempdir(),name+'.txt'); open(p,'w').write(raw)
    out=subprocess.run([BIN,'dates','--ref-date',dct,'--format','tsv',p],capture_output=True,text=True).stdout
    rows=[]
    for l in out.splitlines():
        f=l.split('\t')
        if f[0]=='file': continue
        rows.append([f[1],f[2],f[4],f[5],f[6],f[3]])
    return rows
tot=[0,0,0,0,0]; prf=[0,0,0,0,0]  # gold, system, strict, relaxed, value
paths=sorted(set(p for g in (sys.argv[2:] or ['a*']) for p in glob.glob(os.path.join(HERE,g if g.endswith('.txt') else g+'.txt'))))
for path in paths:
    name=os.path.basename(path)[:-4]
    dct,raw,gold,body=parse(path)
    rows=run(dct,raw,name)
    sys_={}
    for f in rows:
        sys_[(int(f[0]),int(f[1]))]=f
    words=len(raw.split())
    miss=spur=wrong=part=0
    used=set()
    for g in gold:
        s,e,t,v,md,txt=g
        k=(s,e)
        if k in sys_:
            f=sys_[k]; used.add(k)
            if (f[2],f[3],(f[4] if len(f)>4 else ''))!=(t,v,md) :
                wrong+=1; print(name,'WRONG',repr(txt),'gold',t,v,md,'got',f[2:5],f[5])
        else:
            ov=[kk for kk in sys_ if kk[0]<e and kk[1]>s]
            if ov:
                for kk in ov: used.add(kk)
                part+=1; print(name,'PARTIAL',repr(txt),t,v,md,'got',[sys_[kk][2:] for kk in ov])
            else:
                miss+=1; print(name,'MISS',repr(txt),t,v,md)
    for k,f in sys_.items():
        if k not in used: spur+=1; print(name,'SPUR',f[2:])
    prf[0]+=len(gold); prf[1]+=len(sys_); prf[2]+=len(gold)-miss-part; prf[3]+=len(gold)-miss
    z=lambda v: v.replace('+07:00','')
    prf[4]+=sum(1 for (s,e,t,v,md,txt) in gold if (s,e) in sys_ and (sys_[(s,e)][2],z(sys_[(s,e)][3]),sys_[(s,e)][4])==(t,z(v),md))
    taken=set()
    for (s,e,t,v,md,txt) in gold:
        if (s,e) in sys_: continue
        ov=sorted(((min(e,k[1])-max(s,k[0]),k) for k in sys_ if k[0]<e and k[1]>s and k not in taken and k not in {(g[0],g[1]) for g in gold}),reverse=True)
        if ov:
            k=ov[0][1]; taken.add(k)
            if (sys_[k][2],z(sys_[k][3]),sys_[k][4])==(t,z(v),md): prf[4]+=1
    print(f'== {name} dct {dct} words {words} gold {len(gold)} miss {miss} partial {part} spur {spur} wrong {wrong}')
    for i,x in enumerate([len(gold),miss,part,spur,wrong]): tot[i]+=x
print('TOTAL gold miss partial spur wrong',tot)
def f1(n):
    p=n/prf[1] if prf[1] else 0; r=n/prf[0] if prf[0] else 0
    return 'P %.3f R %.3f F1 %.3f (%d)'%(p,r,2*p*r/(p+r) if p+r else 0,n)
print('strict span ',f1(prf[2])); print('relaxed span',f1(prf[3])); print('value       ',f1(prf[4]))
