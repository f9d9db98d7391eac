import { useCallback, useState } from 'react';
import { useLocation } from 'wouter';
import { AppHeader } from '../components/AppHeader.tsx';
import { checkTypedCode, forgetJoin, recallJoin, rememberJoin, type JoinedRoom } from '../classroom/student/joinMemory.ts';
import { JoinForm } from '../classroom/student/JoinForm.tsx';
import { StudentRoom } from '../classroom/student/StudentRoom.tsx';
import '../classroom/student/student.css';

/** `#/join` and `#/join/:code` (the QR link): a student's way into a classroom room. */
export default function JoinPage({ code }: { code?: string }) {
  return <JoinScreen key={code ?? ''} {...(code !== undefined ? { code } : {})} />;
}

function JoinScreen({ code }: { code?: string }) {
  const [, navigate] = useLocation();
  const linked = code !== undefined ? checkTypedCode(decodeURIComponent(code)) : null;
  // A reload, or the QR link opened again, goes straight back into the room this phone joined.
  const [joined, setJoined] = useState<JoinedRoom | null>(() => {
    const kept = recallJoin();
    return kept && linked?.ok && kept.code === linked.code ? kept : null;
  });
  const [problem, setProblem] = useState<string | null>(() => (linked && !linked.ok ? linked.message : null));

  const join = (room: JoinedRoom) => {
    rememberJoin(room);
    setProblem(null);
    if (linked?.ok && linked.code === room.code) setJoined(room);
    else navigate(`/join/${room.code}`);
  };
  const refused = useCallback((message: string) => {
    forgetJoin();
    setJoined(null);
    setProblem(message);
  }, []);
  const leave = useCallback(() => {
    forgetJoin();
    navigate('/join');
  }, [navigate]);

  return (
    <>
      <AppHeader />
      <main className="student-page">
        {joined ? (
          <StudentRoom room={joined} onLeave={leave} onRefused={refused} />
        ) : (
          <JoinForm initialCode={linked?.ok ? linked.code : ''} initialHandle={recallJoin()?.handle ?? ''} problem={problem} onJoin={join} />
        )}
      </main>
    </>
  );
}
